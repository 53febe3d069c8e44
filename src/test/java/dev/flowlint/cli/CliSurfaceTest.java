package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines a person gets wrong: each is a usage error that says what to write instead. */
class CliSurfaceTest {
  @TempDir Path tmp;

  /**
   * Standard input can be read once: a second "-" read nothing and was reported as a payload with
   * an invalid-json error ("empty input"), a finding in no file.
   */
  @Test
  void standardInputNamedTwiceIsAUsageError() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Result r =
        CliRunner.withStdin(
            GitHookEndToEndTest.BAD, "check", "--schemas", schemas.toString(), "-", "-");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("- (standard input) is named twice; it can be read once"), r.err());
    assertFalse(r.out().contains("invalid-json"), r.out());
  }

  /**
   * An empty --output named the working directory ("--output is a directory ... /flowlint.text").
   */
  @Test
  void anEmptyOutputNamesNoFile() {
    for (String[] args :
        new String[][] {
          {"check", "--output", "", "x.json"}, {"check", "--format", "json", "-o", "", "x.json"}
        }) {
      Result r = CliRunner.run(args);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("--output names no file"), r.err());
    }
  }

  /** A report under a file, as if it were a directory: "input/output error" said nothing. */
  @Test
  void aReportUnderAFileSaysThatFileIsNoDirectory() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path payload = tmp.resolve("p.json");
    java.nio.file.Files.writeString(payload, GitHookEndToEndTest.BAD);
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "json=" + payload.resolve("report.json"),
            "--",
            payload.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "cannot write "
                    + payload.resolve("report.json")
                    + ": "
                    + payload
                    + ": not a directory"),
        r.err());
  }

  /**
   * FORMAT=- is standard output, as - is for input: it wrote a file named "-" in the working
   * directory, and the terminal got the text report instead.
   */
  @Test
  void aReportToDashGoesToStandardOutput() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path payload = tmp.resolve("p.json");
    java.nio.file.Files.writeString(payload, GitHookEndToEndTest.BAD);
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "json=-",
            "--format",
            "sarif=" + tmp.resolve("r.sarif"),
            "--",
            payload.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("{\n  \"tool\""), r.out());
    assertFalse(java.nio.file.Files.exists(Path.of("-")), "no file named -");
    Result dash =
        CliRunner.run(
            "check", "--schemas", schemas.toString(), "-f", "json", "-o", "-", payload.toString());
    assertTrue(dash.out().startsWith("{\n  \"tool\""), dash.out());
    assertFalse(java.nio.file.Files.exists(Path.of("-")), "no file named -");
    Result two = CliRunner.run("check", "--format", "json=-", "--format", "text", "x.json");
    assertEquals(2, two.code(), two.err());
    assertTrue(two.err().contains("only one report can go to standard output"), two.err());
  }

  /** An empty --stdin-filepath reported standard input under no name at all (":1:11: error"). */
  @Test
  void anEmptyStdinFilepathIsAUsageError() {
    Result r = CliRunner.withStdin("{}", "check", "--stdin-filepath", "", "-");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--stdin-filepath names no path"), r.err());
  }

  /**
   * pull --timeout 0 was an internal error ("Invalid duration: PT0S"); --max-wait 0 still dialled.
   */
  @Test
  void pullTimeoutsMustBePositive() {
    java.util.Map<String, String> env =
        java.util.Map.of(
            "GENESYSCLOUD_OAUTHCLIENT_ID", "id", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "secret");
    for (String[] bad :
        new String[][] {
          {"--timeout", "0"}, {"--timeout", "-1"}, {"--max-wait", "0"}, {"--max-wait", "-5"}
        }) {
      Result r =
          CliRunner.withEnv(
              env,
              "pull",
              "--api-base",
              "http://127.0.0.1:1",
              "--login-base",
              "http://127.0.0.1:1",
              "--out",
              tmp.resolve("out").toString(),
              bad[0],
              bad[1]);
      assertEquals(2, r.code(), r.err());
      assertTrue(
          r.err().contains("flowlint pull: " + bad[0] + " must be at least 1 second"), r.err());
      assertFalse(r.err().contains("internal error"), r.err());
    }
  }
}
