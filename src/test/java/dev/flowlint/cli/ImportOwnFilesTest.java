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

/** {@code flowlint import .} in a repository whose config and schemas lie inside the tree. */
class ImportOwnFilesTest {
  @TempDir Path tmp;

  @Test
  void importOfTheTreeSkipsItsOwnOutputAndConfig() throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("flows"));
    Files.writeString(repo.resolve("flowlint.yaml"), "schemas: schemas\n");
    Files.writeString(
        repo.resolve("flows/a.yaml"), ImportCommandTest.flow("Alpha", "Flow.x", "stringVariable"));
    String config = repo.resolve("flowlint.yaml").toString();
    Result first = CliRunner.run("import", repo.toString(), "--config", config);
    assertEquals(0, first.code(), first.err());
    // A copy of the schemas elsewhere in the tree (an older --out) is flowlint's output too.
    Files.createDirectories(repo.resolve("old"));
    for (String f : new String[] {"alpha.schema.json", "alpha.launch.schema.json", "index.json"}) {
      Files.copy(repo.resolve("schemas").resolve(f), repo.resolve("old").resolve(f));
    }

    Result again = CliRunner.run("import", repo.toString(), "--config", config);
    assertEquals(0, again.code(), again.err());
    assertFalse(again.err().contains("error"), again.err());
    assertTrue(again.out().contains("1 flow imported"), again.out());
    Result check = CliRunner.run("import", "--check", repo.toString(), "--config", config);
    assertEquals(0, check.code(), check.out() + check.err());
  }

  @Test
  void anIndexSomeoneElseWroteIsStillReported() throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(
        repo.resolve("a.yaml"), ImportCommandTest.flow("A", "Flow.x", "stringVariable"));
    Files.writeString(repo.resolve("index.json"), "{\"pages\": []}\n");
    // Not taken for flowlint's own index: named as a file that is no definition.
    Result r = CliRunner.run("import", repo.toString(), "--out", tmp.resolve("s").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "that is not a flow or data action definition: " + repo.resolve("index.json")),
        r.err());
    assertFalse(r.err().contains("schema index"), r.err());
    Result named =
        CliRunner.run(
            "import", repo.resolve("index.json").toString(), "--out", tmp.resolve("s").toString());
    assertEquals(2, named.code(), named.err());
    assertTrue(named.err().contains("index.json: JSON is not a flow"), named.err());
  }

  /** Definitions inside the output directory: nothing is read, so --check must not pass. */
  @Test
  void checkWithEveryDefinitionSkippedIsNotClean() throws IOException {
    Path both = tmp.resolve("both");
    Files.createDirectories(both);
    Files.writeString(
        both.resolve("a.yaml"), ImportCommandTest.flow("A", "Flow.x", "stringVariable"));
    Result check = CliRunner.run("import", "--check", both.toString(), "--out", both.toString());
    assertEquals(2, check.code(), check.out() + check.err());
    assertFalse(check.out().contains("up to date"), check.out());
    assertTrue(check.err().contains("every file found was skipped"), check.err());
    assertTrue(check.err().contains("in the schemas directory"), check.err());
    assertFalse(check.err().contains("no flow definitions (*.yaml"), check.err());
    Result plain = CliRunner.run("import", both.toString(), "--out", both.toString());
    assertEquals(2, plain.code(), plain.out() + plain.err());
    assertTrue(plain.err().contains("every file found was skipped"), plain.err());
  }

  /** A definition named on the command line is read even in the output directory. */
  @Test
  void aNamedDefinitionInTheOutputDirectoryIsRead() throws IOException {
    Path schemas = tmp.resolve("schemas");
    Files.createDirectories(schemas);
    Path a = schemas.resolve("a.yaml");
    Files.writeString(a, ImportCommandTest.flow("A", "Flow.x", "stringVariable"));
    Result check = CliRunner.run("import", "--check", a.toString(), "--out", schemas.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    Result plain = CliRunner.run("import", a.toString(), "--out", schemas.toString());
    assertEquals(0, plain.code(), plain.out() + plain.err());
    assertTrue(plain.out().contains("1 flow imported"), plain.out());
    Result again = CliRunner.run("import", "--check", a.toString(), "--out", schemas.toString());
    assertEquals(0, again.code(), again.out() + again.err());
  }
}
