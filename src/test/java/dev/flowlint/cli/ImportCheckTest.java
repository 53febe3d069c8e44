package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import --check: the schemas directory against the definitions, writing nothing. */
class ImportCheckTest {
  @TempDir Path tmp;

  private static final String FLOW =
      """
      workflow:
        name: Check Me
        variables:
          - stringVariable:
              name: Flow.customer_id
              initialValue:
                noValue: true
              isInput: true
              isOutput: false
      """;

  @Test
  void upToDateSchemasPassAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("schemas");
    assertEquals(
        0, CliRunner.run("import", "fixtures/flows", "--out", out.toString(), "-q").code());
    Map<String, String> before = TestFiles.contents(out);
    Result r = CliRunner.run("import", "--check", "fixtures/flows", "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().startsWith("schemas up to date: 12 flows from the definitions given match " + out),
        r.out());
    assertEquals(before, TestFiles.contents(out));
  }

  /**
   * A definition that cannot be read was compared with nothing: the run says so and exits 2, and
   * does not call the schemas "up to date" (it did, above the error, exit 2).
   */
  @Test
  void aBrokenDefinitionIsNotCalledUpToDate() throws Exception {
    Path defs = tmp.resolve("flows");
    Files.createDirectories(defs);
    Files.writeString(defs.resolve("check-me.yaml"), FLOW);
    Path out = tmp.resolve("schemas");
    assertEquals(0, CliRunner.run("import", defs.toString(), "--out", out.toString(), "-q").code());
    Files.writeString(defs.resolve("broken.yaml"), "workflow:\n  name: Broken\n  variables: [\n");
    Result r = CliRunner.run("import", "--check", defs.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("up to date"), r.out());
    assertTrue(
        r.out()
            .startsWith(
                "schemas not checked in full: 1 flow from the definitions given matches "
                    + out
                    + "; 1 error above"),
        r.out());
  }

  @Test
  void aChangedDefinitionFailsWithAPerFlowDiffAndWritesNothing() throws Exception {
    Path defs = tmp.resolve("flows");
    Files.createDirectories(defs);
    Files.writeString(defs.resolve("check-me.yaml"), FLOW);
    Path out = tmp.resolve("schemas");
    assertEquals(0, CliRunner.run("import", defs.toString(), "--out", out.toString(), "-q").code());
    Files.writeString(
        defs.resolve("check-me.yaml"),
        FLOW
            + """
          - integerVariable:
              name: Flow.priority
              initialValue:
                lit: 1
              isInput: true
              isOutput: false
      """);
    Map<String, String> before = TestFiles.contents(out);
    Result r = CliRunner.run("import", "--check", defs.toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("flow \"Check Me\": input Flow.priority added (Integer)"), r.out());
    assertTrue(
        r.out().contains("--- a/" + out.toString().substring(1) + "/check-me.schema.json"),
        r.out());
    assertTrue(r.out().contains("+    \"Flow.priority\": {"), r.out());
    assertTrue(
        r.out().endsWith("run 'flowlint import' with the same arguments to update them\n"),
        r.out());
    assertEquals(before, TestFiles.contents(out), "--check writes nothing");
  }

  @Test
  void aMissingSchemasDirectoryIsOutOfDate() {
    Result r =
        CliRunner.run(
            "import", "--check", "fixtures/flows", "--out", tmp.resolve("none").toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("--- /dev/null"), r.out());
    assertFalse(Files.exists(tmp.resolve("none")));
  }
}
