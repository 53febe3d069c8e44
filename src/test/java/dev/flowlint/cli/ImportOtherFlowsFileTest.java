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

/**
 * Import never overwrites another flow's schema: a flow renamed to a name another flow had (its
 * file still holds that other flow's id) gets a file of its own.
 */
class ImportOtherFlowsFileTest {
  private static final String ID1 = "11111111-1111-4111-8111-111111111111";
  private static final String ID2 = "22222222-2222-4222-8222-222222222222";

  @TempDir Path tmp;

  private static String listing(String id, String name, String input) {
    return """
        {"entities": [{"id": "%s", "name": "%s", "type": "WORKFLOW",
          "inputSchema": {"type": "object", "required": ["%s"],
            "properties": {"%s": {"type": "string"}}}}]}
        """
        .formatted(id, name, input, input);
  }

  private Result check(Path out, String id, String input) throws IOException {
    Path payload = tmp.resolve("p-" + id + ".json");
    Files.writeString(
        payload, "{\"flowId\": \"" + id + "\", \"inputData\": {\"" + input + "\": \"x\"}}\n");
    return CliRunner.run("check", payload.toString(), "--schemas", out.toString());
  }

  @Test
  void aFlowRenamedToAnotherFlowsOldNameKeepsThatFlowsSchema() throws IOException {
    Path out = tmp.resolve("s");
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    Files.writeString(a, listing(ID1, "Alpha", "Flow.a"));
    Files.writeString(b, listing(ID2, "Beta", "Flow.b"));
    assertEquals(0, CliRunner.run("import", a.toString(), "--out", out.toString()).code());
    assertEquals(0, CliRunner.run("import", b.toString(), "--out", out.toString()).code());
    // In the org Beta was renamed, and then Alpha took the name Beta; only Alpha is re-imported.
    Files.writeString(a, listing(ID1, "Beta", "Flow.a"));
    Result again = CliRunner.run("import", a.toString(), "--out", out.toString());
    assertEquals(0, again.code(), again.out() + again.err());

    // The second flow's schema is still there, and still its own.
    String beta = Files.readString(out.resolve("beta.schema.json"));
    assertTrue(beta.contains(ID2), beta);
    assertEquals(0, check(out, ID2, "Flow.b").code(), "flow 2 still checks as before");
    // The first flow's schema moved to a file of its own; its old file went with the rename.
    assertEquals(0, check(out, ID1, "Flow.a").code(), "flow 1 checks against its own schema");
    assertFalse(Files.exists(out.resolve("alpha.schema.json")));
  }
}
