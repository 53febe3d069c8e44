package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --fix tells standard input from a file by where the payload came from, not by its name: a file
 * named as --stdin-filepath names it (or a file named "<stdin>") had its fixed text printed instead
 * of written, was reported "fixed" with "no problems", and the run exited 0 (a false clean).
 */
class FixStdinTest {
  private static final String TYPO =
      "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": {\"customerId\":"
          + " \"C\"}}\n";
  @TempDir Path tmp;

  @Test
  void aFileNamedAsStandardInputIsStillWritten() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    for (String name : new String[] {"order.json", "<stdin>"}) {
      Path file = Files.writeString(tmp.resolve(name), TYPO);
      Result r =
          CliRunner.run(
              "check",
              "--schemas",
              schemas.toString(),
              "--fix",
              "--stdin-filepath",
              name.equals("<stdin>") ? "<stdin>" : file.toString(),
              "--",
              file.toString());
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(Files.readString(file).contains("\"Flow.customer_id\""), "written: " + name);
      assertFalse(
          r.out().contains("\"Flow.customer_id\": \"C\""),
          "not printed as standard input: " + r.out());
    }
  }

  @Test
  void standardInputUnderTheNameOfAFileIsPrintedNotWritten() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path file = Files.writeString(tmp.resolve("order.json"), "{}\n");
    Result r =
        CliRunner.withStdin(
            TYPO,
            "check",
            "--schemas",
            schemas.toString(),
            "--fix",
            "--stdin-filepath",
            file.toString(),
            "-");
    assertEquals(0, r.code(), r.err());
    assertEquals(TYPO.replace("customerId", "Flow.customer_id"), r.out());
    assertEquals("{}\n", Files.readString(file), "the file of that name is not touched");
  }
}
