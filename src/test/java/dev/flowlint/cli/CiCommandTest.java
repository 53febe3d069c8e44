package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.TestFiles;
import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * check as CI runs it: several reports per run, colour decisions, paths relative to the repository.
 */
class CiCommandTest {
  private static final String BAD = GitHookEndToEndTest.BAD;
  @TempDir Path tmp;

  @Test
  void formatIsRepeatableWithAFileEach() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path payload = tmp.resolve("bad.json");
    Files.writeString(payload, BAD);
    Path sarif = tmp.resolve("out.sarif");
    Path junit = tmp.resolve("out.xml");
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "sarif=" + sarif,
            "--format",
            "text",
            "--format",
            "junit=" + junit,
            "--",
            payload.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("error[unknown-input]"), "text on standard output: " + r.out());
    assertEquals(
        "2.1.0", CanonicalJson.mapper().readTree(sarif.toFile()).get("version").asString());
    assertTrue(Files.readString(junit).contains("<failure"), "junit written");

    Result onlyFiles =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "gitlab=" + tmp.resolve("cq.json"),
            payload.toString());
    assertTrue(
        onlyFiles.out().contains("error[unknown-input]"),
        "every report in a file: the terminal gets text");
    assertTrue(CanonicalJson.mapper().readTree(tmp.resolve("cq.json").toFile()).isArray());

    Result coloured =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--color",
            "always",
            "--format",
            "text=" + tmp.resolve("t.txt"),
            "--format",
            "text",
            payload.toString());
    assertTrue(coloured.out().contains("\u001b["), "the terminal report is coloured");
    assertFalse(
        Files.readString(tmp.resolve("t.txt")).contains("\u001b"), "a report in a file is not");

    Result legacy =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "json",
            "--output",
            tmp.resolve("r.json").toString(),
            payload.toString());
    assertEquals(1, legacy.code());
    assertTrue(Files.exists(tmp.resolve("r.json")));
  }

  /** The elements named {@code tag} of the XML file {@code xml}. */
  private static org.w3c.dom.NodeList elements(Path xml, String tag) throws Exception {
    return javax.xml.parsers.DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(xml.toFile())
        .getElementsByTagName(tag);
  }

  /**
   * A file name XML cannot hold as it is: U+0001 was dropped ("a\u0001.json" was a second suite
   * "a.json") and a tab in an attribute is read as a space. Suites are named as the text report
   * names the files.
   */
  @Test
  void junitSuitesNameEachFileApart() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    List<String> names =
        List.of("a.json", "a\u0001.json", "t\tb.json", "t b.json", "r\u202el\u009b.json");
    for (String n : names) {
      Files.writeString(dir.resolve(n), BAD);
    }
    Path junit = tmp.resolve("junit.xml");
    Result r =
        CliRunner.run(
            "check", "--schemas", schemas.toString(), "--format", "junit=" + junit, dir.toString());
    assertEquals(1, r.code(), r.err());
    var suites = elements(junit, "testsuite");
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (int i = 0; i < suites.getLength(); i++) {
      shown.add(((org.w3c.dom.Element) suites.item(i)).getAttribute("name"));
    }
    String d = dir.toString();
    assertEquals(
        java.util.Set.of(
            d + "/a.json",
            "\"" + d + "/a\\u0001.json\"",
            "\"" + d + "/t\\tb.json\"",
            d + "/t b.json",
            "\"" + d + "/r\\u202el\\u009b.json\""),
        shown);
    String xml = Files.readString(junit);
    assertFalse(
        xml.chars().anyMatch(c -> c == 0x202e || c == 0x9b),
        "no raw bidirectional override: " + xml);
  }

  /**
   * A report on standard output that could not be written whole (a full disk under "> r.sarif", a
   * closed pipe): PrintStream swallowed the error and a clean run exited 0 with half a report.
   */
  @Test
  void aReportCutShortOnStandardOutputExits2() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path payload = tmp.resolve("good.json");
    Files.writeString(payload, GitHookEndToEndTest.GOOD);
    for (String format : List.of("sarif", "json", "junit", "gitlab", "github", "text")) {
      java.io.OutputStream full =
          new java.io.OutputStream() {
            private int room = 1;

            @Override
            public void write(int b) throws java.io.IOException {
              if (room-- <= 0) {
                throw new java.io.IOException("No space left on device");
              }
            }
          };
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int code =
          Cli.run(
              new java.io.ByteArrayInputStream(new byte[0]),
              new java.io.PrintStream(full, true, StandardCharsets.UTF_8),
              new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
              "check",
              "--schemas",
              schemas.toString(),
              "--format",
              format,
              payload.toString());
      String said = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, code, format + ": " + said);
      assertTrue(said.contains("cannot write the report to standard output"), said);
    }
  }

  /**
   * GitLab keys a JUnit test case by classname and name across the whole report: a payload and its
   * template ("order.json", "order.json.hbs": classname "order" both) with the same finding showed
   * one failed test for two.
   */
  @Test
  void junitTestCasesAreUniqueAcrossFiles() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    for (String n : List.of("order.json", "order.json.hbs", "order.JSON", "order_2.json")) {
      Files.writeString(dir.resolve(n), BAD);
    }
    Path junit = tmp.resolve("junit.xml");
    Result r =
        CliRunner.run(
            "check", "--schemas", schemas.toString(), "--format", "junit=" + junit, dir.toString());
    assertEquals(1, r.code(), r.err());
    var cases = elements(junit, "testcase");
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < cases.getLength(); i++) {
      org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
      assertTrue(
          keys.add(c.getAttribute("classname") + "/" + c.getAttribute("name")),
          "a repeated test case: " + keys + " " + c.getAttribute("classname"));
    }
    assertEquals(4, keys.size(), keys.toString());
    assertTrue(
        keys.stream().anyMatch(k -> k.contains(".order/")), "the first keeps its name " + keys);
  }

  @Test
  void impossibleFormatCombinationsAreUsageErrors() {
    Result two = CliRunner.run("check", "--format", "json", "--format", "sarif", "x.json");
    assertEquals(2, two.code());
    assertTrue(two.err().contains("only one report can go to standard output"), two.err());
    Result unknown = CliRunner.run("check", "--format", "xml=out.xml", "x.json");
    assertEquals(2, unknown.code());
    assertTrue(
        unknown
            .err()
            .contains(
                "unknown --format \"xml\"; use one of text, json, sarif, github, junit, gitlab"),
        unknown.err());
    Result same =
        CliRunner.run("check", "--format", "json=a.out", "--format", "sarif=a.out", "x.json");
    assertEquals(2, same.code());
    assertTrue(same.err().contains("two reports would be written to a.out"), same.err());
    Result empty = CliRunner.run("check", "--format", "sarif=", "x.json");
    assertEquals(2, empty.code());
  }

  @Test
  void colourFollowsTheTerminalAndANonEmptyNoColor() {
    assertTrue(Terminal.colorAuto(Map.of(), true));
    assertFalse(Terminal.colorAuto(Map.of(), false));
    assertTrue(
        Terminal.colorAuto(Map.of("NO_COLOR", ""), true),
        "an empty NO_COLOR does not count (no-color.org)");
    assertFalse(Terminal.colorAuto(Map.of("NO_COLOR", "1"), true));
    assertFalse(Terminal.colorAuto(Map.of("TERM", "dumb"), true));
    assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
    assertFalse(Terminal.isTerminalDevice("pipe:[12345]"));
    assertFalse(Terminal.isTerminalDevice("/tmp/out.txt"));
  }

  @Test
  void stdoutIsATerminalEvenWhenStdinIsNot() throws Exception {
    // A pseudo-terminal on stdout and a pipe on stdin, as under pre-commit: script(1) makes the
    // pty.
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
    Path flowlint = GitHookEndToEndTest.flowlintScript(tmp);
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Files.writeString(tmp.resolve("bad.json"), BAD);
    String cmd =
        "'"
            + flowlint
            + "' check --schemas '"
            + schemas
            + "' '"
            + tmp.resolve("bad.json")
            + "' < /dev/null";
    ProcessBuilder pb =
        new ProcessBuilder("/usr/bin/script", "-qec", cmd, "/dev/null").redirectErrorStream(true);
    pb.environment().remove("NO_COLOR");
    pb.environment().put("TERM", "xterm");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("\u001b[1;31merror[unknown-input]"), "coloured on a terminal: " + out);
  }

  @Test
  void sarifFromASubdirectoryNamesFilesFromTheRepositoryRoot() throws Exception {
    assumeTrue(GitHookEndToEndTest.gitAvailable(), "git is not installed");
    Path repo = tmp.resolve("repo");
    Path sub = repo.resolve("ci");
    Files.createDirectories(sub);
    Files.createDirectories(repo.resolve("payloads"));
    Files.writeString(repo.resolve("payloads/order.json"), BAD);
    FixtureSupport.importFixtures(repo.resolve("schemas"));
    Path flowlint = GitHookEndToEndTest.flowlintScript(tmp);
    assertEquals(
        0, new ProcessBuilder("git", "init", "-q").directory(repo.toFile()).start().waitFor());
    Process p =
        new ProcessBuilder(
                flowlint.toString(),
                "check",
                "--schemas",
                "../schemas",
                "--format",
                "sarif=../out.sarif",
                "./..//payloads/../payloads/order.json")
            .directory(sub.toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), out);
    JsonNode sarif = CanonicalJson.mapper().readTree(repo.resolve("out.sarif").toFile());
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(
                CanonicalJson.mapper()
                    .readTree(TestFiles.referenceSchema("sarif-schema-2.1.0.json").toFile()));
    assertEquals(List.of(), schema.validate(sarif));
    assertEquals(
        "payloads/order.json",
        sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asString());
    assertEquals(
        repo.toRealPath().toUri().toString(),
        sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asString());
  }
}
