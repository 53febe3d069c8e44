package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** --fix, --diff and --output as a user runs them. */
class FixCommandTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
  }

  private Path copyOfFixturePayloads() throws IOException {
    Path dir = tmp.resolve("payloads");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(Path.of("fixtures/payloads"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  @Test
  void fixesEveryFixableFindingAndASecondRunChangesNothing() throws IOException {
    Path dir = copyOfFixturePayloads();
    Map<String, String> before = dev.flowlint.TestFiles.contents(dir);
    Result first =
        CliRunner.run(
            "check",
            dir.toString(),
            "--config",
            "fixtures/flowlint.yaml",
            "--schemas",
            schemas,
            "--fix",
            "--format",
            "json");
    assertTrue(first.err().startsWith("fixed "), first.err());
    Map<String, String> afterFirst = dev.flowlint.TestFiles.contents(dir);
    assertFalse(before.equals(afterFirst));
    String report = first.out(); // the JSON document alone: the notes went to standard error
    JsonNode json = CanonicalJson.mapper().readTree(report);
    for (JsonNode file : json.get("files")) {
      for (JsonNode d : file.get("diagnostics")) {
        assertFalse(d.has("fix"), "left a fixable finding: " + d);
      }
    }
    Result second =
        CliRunner.run(
            "check",
            dir.toString(),
            "--config",
            "fixtures/flowlint.yaml",
            "--schemas",
            schemas,
            "--fix");
    assertFalse(second.out().contains("fixed "), second.out());
    assertEquals(afterFirst, dev.flowlint.TestFiles.contents(dir));
  }

  @Test
  void onlyTheFixesSpanChanges() throws IOException {
    Path file = tmp.resolve("p.json.hbs");
    String text =
        "\uFEFF{\r\n  \"flowId\": \""
            + ORDER
            + "\",\r\n  \"inputData\": {\r\n    \"customerId\": {{ id }},\r\n"
            + "\t\"Flow.priority\": \"7\"\r\n  }\r\n}";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Result r = CliRunner.run("check", file.toString(), "--schemas", schemas, "--fix");
    assertEquals(0, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "fixed "
                    + file
                    + ": 2 fixes (rename to Flow.customer_id; write the number 7 without quotes)"),
        r.out());
    String expected = text.replace("\"customerId\"", "\"Flow.customer_id\"").replace("\"7\"", "7");
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void withStdinTheFixedPayloadGoesToStdoutAndTheReportToStderr() {
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.Customer_ID\": \"x\"}}",
            "check",
            "-",
            "--schemas",
            schemas,
            "--fix");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"x\"}}", r.out());
    assertTrue(r.err().contains("fixed <stdin>: 1 fix (rename to Flow.customer_id)"), r.err());
  }

  @Test
  void diffShowsWhatFixWouldDoAndWritesNothing() throws IOException {
    Path file = tmp.resolve("p.json");
    String text =
        "{\n  \"flowId\": \""
            + ORDER
            + "\",\n  \"flowVersion\": 2,\n  \"inputData\": {\"Flow.customer_id\": \"x\"}\n}\n";
    Files.writeString(file, text);
    Result r = CliRunner.run("check", file.toString(), "--schemas", schemas, "--diff");
    assertEquals(1, r.code());
    String shown = file.toString().substring(1);
    assertEquals(
        "--- a/"
            + shown
            + "\n+++ b/"
            + shown
            + "\n@@ -1,5 +1,5 @@\n {\n   \"flowId\": \""
            + ORDER
            + "\",\n"
            + "-  \"flowVersion\": 2,\n+  \"flowVersion\": \"2\",\n   \"inputData\": {\"Flow.customer_id\": \"x\"}\n }\n",
        r.out());
    assertEquals(text, Files.readString(file));
    assertEquals(
        2, CliRunner.run("check", file.toString(), "--schemas", schemas, "--diff", "--fix").code());
  }

  @Test
  void diffWritesNothingSoEveryReportKeepsEveryFinding() throws IOException {
    Path file = tmp.resolve("p.json");
    Path sarif = tmp.resolve("p.sarif");
    Files.writeString(
        file, "{\"flowId\":\"" + ORDER + "\",\"inputData\":{\"flow.customer_id\":\"C-1\"}}");
    Result text = CliRunner.run("check", file.toString(), "--schemas", schemas, "--diff");
    assertEquals(1, text.code());
    assertTrue(text.err().contains("error[unknown-input]"), text.err());
    assertTrue(text.err().endsWith("checked 1 file: 1 error, 0 warnings, 0 infos\n"), text.err());
    Result json =
        CliRunner.run(
            "check",
            file.toString(),
            "--schemas",
            schemas,
            "--diff",
            "-f",
            "json",
            "-f",
            "sarif=" + sarif);
    assertEquals(1, json.code());
    JsonNode report = CanonicalJson.mapper().readTree(json.err());
    assertEquals("unknown-input", report.at("/files/0/diagnostics/0/rule").asString());
    assertEquals(1, report.at("/summary/errors").asInt());
    JsonNode written = CanonicalJson.mapper().readTree(sarif.toFile());
    assertEquals("unknown-input", written.at("/runs/0/results/0/ruleId").asString());

    // A fixable warning under --fail-on error: the exit code is check's, as the summary says.
    Files.writeString(
        file,
        "{\"flowId\":\""
            + ORDER
            + "\",\"inputData\":{\"Flow.customer_id\":\"C-1\",\"Flow.priority\":\"7\"}}");
    Result warning = CliRunner.run("check", file.toString(), "--schemas", schemas, "--diff");
    assertTrue(warning.out().contains("+++ b/"), warning.out());
    assertTrue(warning.err().endsWith("checked 1 file: 0 errors, 1 warning, 0 infos\n"));
    assertEquals(0, warning.code(), warning.err());
  }

  @Test
  void outputWritesTheFormatToAFileWhileTheTerminalGetsText() throws IOException {
    Path sarif = tmp.resolve("out/flowlint.sarif");
    Files.createDirectories(sarif.getParent());
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"customerId\": \"x\"}}",
            "check",
            "-",
            "--schemas",
            schemas,
            "--format",
            "sarif",
            "--output",
            sarif.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("<stdin>:1:66: error[unknown-input]"), r.out());
    JsonNode written = CanonicalJson.mapper().readTree(sarif.toFile());
    assertEquals("unknown-input", written.at("/runs/0/results/0/ruleId").asString());
    try (Stream<Path> left = Files.list(sarif.getParent())) {
      assertEquals(1, left.count(), "no temporary file left beside the report");
    }
  }
}
