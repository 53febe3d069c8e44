package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: import and the schemas folder under hostile input. */
class TrustImportTest {
  @TempDir Path tmp;

  private static String flow(String name, String input) {
    return "workflow:\n  name: "
        + name
        + "\n  variables:\n    - stringVariable:\n        name: Flow."
        + input
        + "\n        initialValue:\n          noValue: true\n        isInput: true\n        isOutput: false\n";
  }

  /** Item 8: two different definitions of one flow are an error: exit 2, the rest still written. */
  @Test
  void conflictingDefinitionsExitTwoAndTheRestIsWritten() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.yaml"), flow("Same", "a"));
    Files.writeString(in.resolve("b.yaml"), flow("Same", "b"));
    Files.writeString(in.resolve("c.yaml"), flow("Other", "c"));
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", in.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("error: flow \"Same\" is defined differently"), r.err());
    assertTrue(Files.exists(out.resolve("other.schema.json")));
    assertFalse(Files.exists(out.resolve("same.schema.json")));
  }

  /** Item 15: an index entry outside the schemas folder is refused, not followed. */
  @Test
  void indexEntryOutsideTheFolderIsRejected() throws IOException {
    Path out = tmp.resolve("schemas");
    Files.createDirectories(out);
    Files.writeString(
        tmp.resolve("secret.schema.json"),
        "{\"title\": \"Evil\", \"x-flowlint\": {\"flowName\": \"Evil\"}}");
    Files.writeString(
        out.resolve("index.json"),
        "{\"flows\": [{\"file\": \"../secret.schema.json\", \"flowName\": \"Evil\", \"flowType\": \"workflow\"}]}");
    Path p = Files.writeString(tmp.resolve("p.json"), "{\"inputData\": {}}");
    Result r = CliRunner.run("check", p.toString(), "--schemas", out.toString(), "--flow", "Evil");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("names \"../secret.schema.json\", which is not a file name inside"),
        r.err());
  }

  /** Item 15: import does not replace an index.json it did not write. */
  @Test
  void foreignIndexIsNotOverwritten() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("schemas"));
    Files.writeString(out.resolve("index.json"), "{\"mine\": true}");
    Result r =
        CliRunner.run("import", "fixtures/flows/SchedulingBot.yaml", "--out", out.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("was not written by flowlint"), r.err());
    assertEquals("{\"mine\": true}", Files.readString(out.resolve("index.json")));
  }

  /** Item 15: --out "" is a usage error, not the current directory. */
  @Test
  void emptyOutIsAUsageError() {
    Result r = CliRunner.run("import", "fixtures/flows/SchedulingBot.yaml", "--out", "");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("may not be empty"), r.err());
  }
}
