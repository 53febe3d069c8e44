package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlint import .} at a repository's root: other tools' JSON and YAML beside the flows are
 * passed over with one warning, while a broken definition is still an error.
 */
class ImportForeignFilesTest {
  @TempDir Path tmp;
  private Path repo;
  private String out;

  @BeforeEach
  void repository() throws IOException {
    repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("flows"));
    Files.createDirectories(repo.resolve("payloads"));
    Files.writeString(
        repo.resolve("flows/a.yaml"), ImportCommandTest.flow("Alpha", "Flow.x", "stringVariable"));
    Files.writeString(repo.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
    Files.writeString(repo.resolve("tsconfig.json"), "{\"compilerOptions\": {}}\n");
    Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  db:\n    image: pg\n");
    Files.writeString(repo.resolve("playbook.yml"), "- hosts: all\n  tasks: []\n");
    Files.writeString(
        repo.resolve("payloads/p.json"),
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": {}}\n");
    Files.writeString(
        repo.resolve("payloads/shared.json"),
        "{\"flowType\": \"commonmodule\", \"flowName\": \"X\", \"inputs\": {\"a\": 1}}\n");
    out = tmp.resolve("schemas").toString();
  }

  @Test
  void otherToolsFilesInTheTreeAreSkippedWithOneWarning() {
    Result r = CliRunner.run("import", repo.toString(), "--out", out);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 flow imported"), r.out());
    assertFalse(r.err().contains("error"), r.err());
    String warning =
        r.err().lines().filter(l -> l.contains("passed over 6 files")).findFirst().orElse("");
    assertTrue(
        warning.contains("not flow or data action definitions"), "one line names them: " + r.err());
    for (String f :
        new String[] {
          "docker-compose.yml",
          "package.json",
          "payloads/p.json",
          "payloads/shared.json",
          "playbook.yml"
        }) {
      assertTrue(warning.contains(repo.resolve(f).toString()), f + " in " + warning);
    }
    assertTrue(warning.contains(" and 1 more (name a file"), "five named, the rest counted");
    Result check = CliRunner.run("import", "--check", repo.toString(), "--out", out);
    assertEquals(0, check.code(), check.out() + check.err());
  }

  @Test
  void aFileNamedOnTheCommandLineIsStillAnError() {
    Result r =
        CliRunner.run(
            "import",
            repo.resolve("package.json").toString(),
            repo.resolve("flows").toString(),
            "--out",
            out);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("package.json: JSON is not a flow or data action"), r.err());
  }

  @Test
  void brokenDefinitionsFoundInADirectoryAreStillErrors() throws IOException {
    // A flow object without its inputSchema, and an Archy workflow without a name.
    Files.writeString(
        repo.resolve("flows/api.json"), "{\"id\": \"f1\", \"name\": \"Api\", \"type\": \"x\"}\n");
    Files.writeString(repo.resolve("flows/b.yaml"), "workflow:\n  description: no name\n");
    // Review: a stray top-level key beside the flow, and a contract without its "type".
    Files.writeString(
        repo.resolve("flows/orders.yaml"),
        "workflow:\n  name: Orders\n  division: Home\nvariables:\n  - x: 1\n");
    Files.writeString(
        repo.resolve("flows/contract.json"),
        "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"properties\":"
            + " {\"customerId\": {\"type\": \"string\"}}, \"required\": [\"customerId\"]}\n");
    Result r = CliRunner.run("import", repo.toString(), "--out", out);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("api.json: JSON is not a flow"), r.err());
    assertTrue(r.err().contains("b.yaml: Archy workflow has no name"), r.err());
    assertTrue(r.err().contains("orders.yaml:"), r.err());
    assertTrue(r.err().contains("contract.json:"), r.err());
    assertFalse(r.err().contains("orders.yaml,") || r.err().contains("contract.json,"), r.err());
    Result check = CliRunner.run("import", "--check", repo.toString(), "--out", out);
    assertEquals(2, check.code(), "a broken flow never passes --check: " + check.err());
    assertTrue(r.err().contains("passed over 6 files"), r.err());
  }

  @Test
  void onlyOtherToolsFilesImportNothingAndFail() throws IOException {
    Path bare = tmp.resolve("bare");
    Files.createDirectories(bare);
    Files.writeString(bare.resolve("package.json"), "{\"name\": \"x\"}\n");
    Result r = CliRunner.run("import", bare.toString(), "--out", out);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("passed over 1 file found in a directory that is not a flow"), r.err());
  }
}
