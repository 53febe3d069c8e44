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
import tools.jackson.databind.JsonNode;

/**
 * A common module whose Archy YAML name reads as a number ({@code 1.10}) is imported under that
 * name, so a caller that names it {@code 1.10} finds its schema and has its bindings checked.
 */
class NumberLikeNamesTest {
  @TempDir Path tmp;

  @Test
  void aModuleNamed1Point10IsImportedAndFoundByItsCallers() throws IOException {
    Path flows = Files.createDirectories(tmp.resolve("flows"));
    Files.writeString(
        flows.resolve("module.yaml"),
        """
        commonModule:
          name: 1.10
          description: 1.10
          variables:
            - stringVariable:
                name: Common.version
                description: 007
                isInput: true
        """);
    Path caller = flows.resolve("caller.yaml");
    Files.writeString(
        caller,
        """
        workflow:
          name: 1e3
          states:
            - state:
                name: Initial State
                actions:
                  - callCommonModule:
                      name: Call
                      commonModule:
                        1.10:
                          ver_latestPublished:
                            inputs:
                              Common.versoin:
                                lit: 2
        """);
    String schemas = tmp.resolve("schemas").toString();
    Result imported = CliRunner.run("import", flows.toString(), "--out", schemas);
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().contains("imported 1.10 (commonmodule)"), imported.out());
    assertTrue(imported.out().contains("imported 1e3 (workflow)"), imported.out());

    JsonNode schema =
        dev.flowlint.io.JsonTrees.read(tmp.resolve("schemas").resolve("1-10.schema.json"));
    assertEquals("1.10", schema.path("title").asString());
    assertEquals("1.10", schema.path("x-flowlint").path("flowName").asString());
    assertEquals(
        "007", schema.path("properties").path("Common.version").path("description").asString());
    assertTrue(Files.exists(tmp.resolve("schemas").resolve("1e3.schema.json")));

    Result checked = CliRunner.run("check", "--schemas", schemas, caller.toString());
    assertEquals(1, checked.code(), checked.out() + checked.err());
    assertTrue(
        checked.out().contains("error[call-unknown-input] common module \"1.10\" has no input"),
        checked.out());
    assertFalse(checked.out().contains("call-unknown-callee"), checked.out());
  }
}
