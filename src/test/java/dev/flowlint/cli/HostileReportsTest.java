package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.TestFiles;
import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * One real run over hostile file names (spaces, quotes, &amp;, a newline, a colon, non-BMP) and
 * hostile keys (a lone surrogate, control characters, "]]&gt;"), every report written at once: each
 * must be valid for its consumer (SARIF 2.1.0 and GitLab against their schemas, JUnit against the
 * Jenkins XSD) and all must agree with one another and with the exit code.
 */
class HostileReportsTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  @TempDir Path tmp;

  /**
   * The JSON formats on a terminal: a key or a file name holding U+202E (which reorders the line),
   * U+009B (a C1 control sequence introducer) or DEL reached it raw through JSON's "pointer" and
   * GitLab's "location.path". They are written as backslash-u escapes: the same JSON values.
   */
  @Test
  void jsonFormatsSendNoRawControlToTheTerminal() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    String hostile = "a\u202eb\u009bc\u007fd";
    Path payload = dir.resolve(hostile + ".json");
    Files.writeString(
        payload,
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"C\", \""
            + hostile
            + "\": 1}}\n");
    for (String format : List.of("json", "sarif", "gitlab")) {
      Result r =
          CliRunner.run(
              "check", "--schemas", schemas.toString(), "--format", format, "--", dir.toString());
      assertEquals(1, r.code(), r.err());
      assertFalse(
          r.out().chars().anyMatch(c -> c == 0x202e || c == 0x9b || c == 0x7f),
          format + ": " + r.out());
      JsonNode report = CanonicalJson.mapper().readTree(r.out());
      switch (format) {
        case "json" -> {
          assertEquals(payload.toString(), report.at("/files/0/path").asString());
          assertEquals(
              "/inputData/" + hostile, report.at("/files/0/diagnostics/0/pointer").asString());
        }
        case "gitlab" -> assertEquals(payload.toString(), report.at("/0/location/path").asString());
        default -> assertTrue(report.at("/runs/0/results").size() > 0, r.out());
      }
    }
  }

  /**
   * A file named with a newline and one named with a backslash and an n were both shown as
   * "x\\n.json" in the text report and the notes beside it: the report could not say which.
   */
  @Test
  void theTextReportTellsFileNamesApart() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    String bad = "{\"flowId\": \"" + ORDER + "\", \"flowVersion\": 3}\n";
    for (String n : List.of("x\n.json", "x\\n.json", "\"x\\n.json", "plain.json")) {
      Files.writeString(dir.resolve(n), bad);
    }
    Result r = CliRunner.run("check", "--schemas", schemas.toString(), dir.toString());
    assertEquals(1, r.code(), r.err());
    Set<String> shown = new HashSet<>();
    r.out()
        .lines()
        .filter(l -> l.contains(": error[field-type]"))
        .forEach(l -> shown.add(l.substring(0, l.indexOf(":1:"))));
    String d = dir.toString();
    assertEquals(
        Set.of(
            d + "/plain.json",
            "\"" + d + "/x\\n.json\"", // the newline: quoted, as it needs an escape
            d + "/x\\n.json", // a backslash and an n: as it is
            d + "/\"x\\n.json"),
        shown,
        r.out());
    assertFalse(r.out().contains("x\n.json"), "no raw newline");

    Result fixed = CliRunner.run("check", "--schemas", schemas.toString(), "--fix", dir.toString());
    assertEquals(
        4, fixed.out().lines().filter(l -> l.startsWith("fixed ")).distinct().count(), fixed.out());
  }

  @Test
  void everyFormatIsValidAndAllAgree() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("pay loads"));
    String body =
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"C\", \"\\ud800x\": 1,"
            + " \"a]]>b\\u0001\\u001b\": 2, \"\uD83D\uDE00k\": 3, \"\\udc00\": 4}}\n";
    List<String> names =
        List.of(
            "we ird &\"q'.json", "new\nline.json", "order:2.json", "caf\u00e9 \uD83D\uDE00.json");
    for (String n : names) {
      Files.writeString(dir.resolve(n), body);
    }
    Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    Path sarif = tmp.resolve("r.sarif");
    Path junit = tmp.resolve("r.xml");
    Path gitlab = tmp.resolve("r.gitlab.json");
    Path json = tmp.resolve("r.json");
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "sarif=" + sarif,
            "--format",
            "junit=" + junit,
            "--format",
            "gitlab=" + gitlab,
            "--format",
            "json=" + json,
            "--format",
            "github",
            "--",
            dir.toString());
    assertEquals(2, r.code(), "an unreadable file makes it 2: " + r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("at dev.flowlint"), r.err());

    JsonNode report = CanonicalJson.mapper().readTree(json.toFile());
    long errors = report.at("/summary/errors").asLong();
    long all =
        errors + report.at("/summary/warnings").asLong() + report.at("/summary/infos").asLong();
    assertEquals(names.size() + 1, report.at("/summary/files").asInt());
    assertTrue(errors >= names.size() * 4 + 1, report.toString());

    JsonNode s = CanonicalJson.mapper().readTree(sarif.toFile());
    Schema sarifSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(
                CanonicalJson.mapper()
                    .readTree(TestFiles.referenceSchema("sarif-schema-2.1.0.json").toFile()));
    assertEquals(List.of(), sarifSchema.validate(s));
    JsonNode results = s.at("/runs/0/results");
    assertEquals(all, results.size());
    for (JsonNode result : results) {
      String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asString();
      java.net.URI parsed =
          new java.net.URI(uri); // a valid URI reference, special characters escaped
      assertTrue(parsed.isAbsolute() ? uri.startsWith("file:") : parsed.getScheme() == null, uri);
    }

    JsonNode issues = CanonicalJson.mapper().readTree(gitlab.toFile());
    Schema issueSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(
                CanonicalJson.mapper()
                    .readTree(TestFiles.referenceSchema("gitlab-codeclimate.json").toFile()));
    Set<String> prints = new HashSet<>();
    for (JsonNode i : issues) {
      assertEquals(List.of(), issueSchema.validate(i), i.toString());
      assertTrue(prints.add(i.get("fingerprint").asString()), "unique fingerprint " + i);
    }
    assertEquals(all, issues.size());

    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(TestFiles.referenceSchema("junit-10.xsd").toFile())
        .newValidator()
        .validate(new javax.xml.transform.stream.StreamSource(junit.toFile()));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertEquals(errors - 1, doc.getElementsByTagName("failure").getLength());
    assertEquals(1, doc.getElementsByTagName("error").getLength(), "the unreadable file");
    List<String> messages = new ArrayList<>();
    var failures = doc.getElementsByTagName("failure");
    for (int i = 0; i < failures.getLength(); i++) {
      messages.add(((org.w3c.dom.Element) failures.item(i)).getAttribute("message"));
    }
    // Messages quote a lone surrogate as an escape (it cannot be printed), the x after it kept.
    assertTrue(
        messages.contains("inputData has no input \"\\ud800x\""),
        "the x after a lone surrogate is kept: " + messages);
    assertTrue(messages.contains("inputData has no input \"\\udc00\""), messages.toString());

    long annotations =
        r.out().lines().filter(l -> l.matches("::(error|warning|notice) .*")).count();
    assertEquals(all, annotations, r.out());
  }
}
