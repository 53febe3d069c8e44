package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What check skips, --fix and --diff skip alike: YAML that is no Archy flow
 * (.pre-commit-config.yaml named by a hook) exited 2 ("matched no payload file") under --fix and
 * --diff but 0 under check, and a skipped standard input printed nothing where --fix promises the
 * payload back.
 */
class FixSkipsTest {
  @TempDir Path tmp;

  @Test
  void aSkippedYamlFileExitsAsCheckDoes() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path yaml = Files.writeString(tmp.resolve("pre-commit.yaml"), "repos: []\n");
    for (String mode : new String[] {"--fix", "--diff", "--verbose"}) {
      Result r =
          CliRunner.run("check", "--schemas", schemas.toString(), mode, "--", yaml.toString());
      assertEquals(0, r.code(), mode + ": " + r.err());
      assertEquals("repos: []\n", Files.readString(yaml));
    }
  }

  @Test
  void aSkippedStandardInputComesBackUnchanged() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Result r =
        CliRunner.withStdin(
            "repos: []\n",
            "check",
            "--schemas",
            schemas.toString(),
            "--fix",
            "--stdin-filepath",
            "pre-commit.yaml",
            "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("repos: []\n", r.out());
  }
}
