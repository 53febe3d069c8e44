package dev.flowlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.TestFiles;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.TextLines;
import dev.flowlint.schema.ImportResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** What CI tools demand of each format, beyond the golden files. */
class CiFormatsTest {
  private static final Path ROOT = Path.of("/repo");

  private static ReportContext context(Severity failOn, Path workDir) {
    return new ReportContext("0.1.0", false, false, failOn, workDir, ROOT);
  }

  private static FileReport report(String path, String text, Diagnostic... diagnostics) {
    return new FileReport(
        path, Optional.empty(), Optional.empty(), List.of(diagnostics), new TextLines(text));
  }

  private static Diagnostic finding(
      Rule rule,
      Severity severity,
      String message,
      TextLines lines,
      int from,
      int to,
      String... help) {
    return new Diagnostic(
        rule, severity, message, "/x", lines.span(from, to), Optional.empty(), List.of(help));
  }

  @Test
  void sarifUrisAreRelativeToTheRepositoryFromAnyWorkingDirectory() {
    RepoPaths fromSub = new RepoPaths(ROOT.resolve("sub"), ROOT);
    RepoPaths fromRoot = new RepoPaths(ROOT, ROOT);
    SarifReporter a = new SarifReporter("0.1.0", fromSub);
    SarifReporter b = new SarifReporter("0.1.0", fromRoot);
    assertEquals("payloads/x.json", a.uri("../payloads/x.json"));
    assertEquals("payloads/x.json", b.uri("./fixtures//../payloads/./x.json"));
    assertEquals("payloads/x.json", b.uri("/repo/payloads/x.json"));
    assertEquals("payloads/caf%C3%A9,%20100%25.json", b.uri("payloads/café, 100%.json"));
    assertEquals("file:///elsewhere/x.json", b.uri("/elsewhere/x.json"));
    // A colon in the first segment would make it a scheme ("order" in order:2.json): RFC 3986 4.2.
    assertEquals("order%3A2.json", b.uri("order:2.json"));
    assertEquals("payloads/order:2.json", b.uri("payloads/order:2.json"));
    assertEquals("file:///repo/", fromSub.rootUri());
  }

  @Test
  void sarifResultsCarryWhatCodeScanningNeeds() throws Exception {
    String text = "{\n  \"inputData\": {\"customerId\": 1}\n}\n";
    TextLines lines = new TextLines(text);
    FileReport f =
        report(
            "../payloads/x.json",
            text,
            finding(
                Rule.UNKNOWN_INPUT,
                Severity.ERROR,
                "inputData has no input \"customerId\"; did you mean \"Flow.customer_id\"?",
                lines,
                17,
                29,
                "did you mean \"Flow.customer_id\"?",
                "a misspelt key is not rejected"),
            finding(Rule.UNKNOWN_INPUT, Severity.ERROR, "second", lines, 17, 29));
    FileReport unreadable =
        report(
            "bad.json",
            "",
            finding(Rule.UNREADABLE_FILE, Severity.ERROR, "cannot read", new TextLines(""), 0, 0));
    SarifReporter sarif = new SarifReporter("0.1.0", new RepoPaths(ROOT.resolve("sub"), ROOT));
    JsonNode root =
        CanonicalJson.mapper().readTree(ReporterContractTest.render(sarif, List.of(f, unreadable)));
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(
                CanonicalJson.mapper()
                    .readTree(TestFiles.referenceSchema("sarif-schema-2.1.0.json").toFile()));
    assertEquals(List.of(), schema.validate(root));
    JsonNode run = root.at("/runs/0");
    assertEquals("file:///repo/", run.at("/originalUriBaseIds/%SRCROOT%/uri").asString());
    JsonNode first = run.at("/results/0");
    assertEquals(
        "payloads/x.json",
        first.at("/locations/0/physicalLocation/artifactLocation/uri").asString());
    assertEquals(
        "%SRCROOT%",
        first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asString());
    assertEquals(
        "inputData has no input \"customerId\"; did you mean \"Flow.customer_id\"?\na misspelt key is not rejected",
        first.at("/message/text").asString(),
        "the help line the message already says is not repeated");
    String hash1 = first.at("/partialFingerprints/primaryLocationLineHash").asString();
    String hash2 = run.at("/results/1/partialFingerprints/primaryLocationLineHash").asString();
    assertTrue(hash1.matches("[0-9a-f]{16}:1"), hash1);
    assertEquals(hash1.replace(":1", ":2"), hash2, "a second finding on the same line counts up");
    JsonNode region = run.at("/results/2/locations/0/physicalLocation/region");
    assertEquals(1, region.get("startLine").asInt(), "a result without a place still has a line");
    JsonNode rule = run.at("/tool/driver/rules/" + Rule.UNKNOWN_INPUT.ordinal());
    assertEquals(SarifReporter.RULES_URI + "#unknown-input", rule.get("helpUri").asString());
    assertTrue(rule.at("/help/markdown").asString().contains(Rule.UNKNOWN_INPUT.help()));
  }

  @Test
  void everyRuleHasTheHeadingItsHelpUriPointsAt() throws Exception {
    String doc = java.nio.file.Files.readString(Path.of("docs/rules.md"));
    StringBuilder missing = new StringBuilder();
    for (Rule r : Rule.values()) {
      if (!doc.contains("\n## " + r.id() + "\n")) {
        // Ready to paste at the end of docs/rules.md.
        missing
            .append("\n## ")
            .append(r.id())
            .append("\n\nDefault severity: ")
            .append(r.defaultSeverity().word())
            .append(".\n\n")
            .append(r.summary())
            .append("\n\nWhat to do: ")
            .append(r.help())
            .append("\n");
      }
    }
    assertEquals(
        "", missing.toString(), "docs/rules.md lacks these rules (SARIF helpUri points at them)");
  }

  /**
   * A copy of the text report that fails half way (a spool that cannot be read, a stream that
   * throws) still ends the stop-commands: else the runner ignored every later command of the step.
   */
  @Test
  void githubTurnsCommandsBackOnWhenTheTextReportCannotBeCopied() {
    java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out =
        new java.io.PrintStream(sink, false, StandardCharsets.UTF_8) {
          @Override
          public void write(byte[] b, int off, int len) {
            String piece = new String(b, off, len, StandardCharsets.UTF_8);
            if (piece.contains("checked ")) {
              super.write(b, off, 5); // a part of the copy went out, then it failed
              throw new java.io.UncheckedIOException(new java.io.IOException("copy failed"));
            }
            super.write(b, off, len);
          }
        };
    GithubReporter github =
        new GithubReporter(new TextReporter(false, false), new RepoPaths(ROOT, ROOT));
    github.begin(out);
    github.file(report("x.json", "{}\n"), out);
    org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class, () -> github.end(Summary.of(List.of()), out));
    out.flush();
    List<String> lines = sink.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(0).startsWith("::stop-commands::flowlint-"), lines.toString());
    String token = lines.get(0).substring("::stop-commands::".length());
    assertEquals("::" + token + "::", lines.get(lines.size() - 1), lines.toString());
  }

  /**
   * The stop-commands token is new in each run, as GitHub asks: it was a hash of the text it
   * guarded, the same in every run over the same files.
   */
  @Test
  void githubStopTokensAreNewEachRun() {
    FileReport f = report("::x.json", "{}\n");
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      String out =
          ReporterContractTest.render(
              new GithubReporter(new TextReporter(false, false), new RepoPaths(ROOT, ROOT)),
              List.of(f));
      tokens.add(out.lines().filter(l -> l.startsWith("::stop-commands::")).findFirst().get());
      tokens.add(GithubReporter.inert("fixed ::x.json").lines().findFirst().get());
    }
    assertEquals(6, tokens.size(), tokens.toString());
  }

  @Test
  void githubSendsNoColumnsForMultiLineRangesAndCannotBeHijackedByAPath() {
    String text = "{\n  \"a\": {\n  }\n}\n";
    TextLines lines = new TextLines(text);
    FileReport f =
        report(
            "::error::evil.json",
            text,
            finding(Rule.FIELD_TYPE, Severity.ERROR, "multi", lines, 7, 14),
            finding(Rule.FIELD_TYPE, Severity.WARNING, "single", lines, 4, 7));
    GithubReporter github =
        new GithubReporter(new TextReporter(false, false), new RepoPaths(ROOT, ROOT));
    String out = ReporterContractTest.render(github, List.of(f));
    List<String> lines2 = out.lines().toList();
    assertEquals(
        "::error file=%3A%3Aerror%3A%3Aevil.json,line=2,endLine=3,title=field-type::multi",
        lines2.get(0));
    assertEquals(
        "::warning file=%3A%3Aerror%3A%3Aevil.json,line=2,endLine=2,col=3,endColumn=6,title=field-type::single",
        lines2.get(1));
    assertTrue(lines2.get(2).matches("::stop-commands::flowlint-[0-9a-f]{24}"), lines2.get(2));
    String token = lines2.get(2).substring("::stop-commands::".length());
    assertEquals("::" + token + "::", lines2.get(lines2.size() - 1));
    long commandsWhileOn =
        lines2.subList(3, lines2.size() - 1).stream()
            .filter(l -> l.startsWith("::error::evil"))
            .count();
    assertTrue(
        commandsWhileOn > 0,
        "the text report's path lines do start with :: (and are inside stop-commands)");
    assertFalse(out.contains(token.substring(9) + "x"), "sanity");
  }

  @Test
  void junitValidatesAgainstTheJenkinsSchemaAndAgreesWithTheExitCode() throws Exception {
    String text = "{\"flowType\": \"shared\", \"inputs\": {}}";
    TextLines lines = new TextLines(text);
    FileReport warnings =
        report(
            "payloads/orders/new.json.hbs",
            text,
            finding(Rule.TEMPLATE_UNESCAPED_INPUT, Severity.WARNING, "a warning", lines, 1, 11),
            finding(Rule.MISSING_CORRELATION_ID, Severity.INFO, "an info", lines, 0, 1));
    FileReport unreadable =
        report(
            "bad.json",
            "",
            finding(Rule.UNREADABLE_FILE, Severity.ERROR, "cannot read", new TextLines(""), 0, 0));
    javax.xml.validation.Schema xsd =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(TestFiles.referenceSchema("junit-10.xsd").toFile());

    String green =
        ReporterContractTest.render(new JunitReporter(Severity.ERROR), List.of(warnings));
    xsd.newValidator().validate(new StreamSource(new java.io.StringReader(green)));
    Document doc = parse(green);
    assertEquals(
        0,
        doc.getElementsByTagName("failure").getLength(),
        "below --fail-on: no failed test in a green job");
    assertEquals(2, doc.getElementsByTagName("system-out").getLength());
    assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
    assertEquals(
        "payloads.orders.new",
        ((org.w3c.dom.Element) doc.getElementsByTagName("testcase").item(0))
            .getAttribute("classname"));

    String strict =
        ReporterContractTest.render(
            new JunitReporter(Severity.WARNING), List.of(warnings, unreadable));
    xsd.newValidator().validate(new StreamSource(new java.io.StringReader(strict)));
    Document s = parse(strict);
    assertEquals(1, s.getElementsByTagName("failure").getLength());
    assertEquals(
        1, s.getElementsByTagName("error").getLength(), "an unreadable file (exit 2) is an error");
    assertEquals("1", s.getDocumentElement().getAttribute("failures"));
    assertEquals("1", s.getDocumentElement().getAttribute("errors"));

    for (var e : ReporterContractTest.scenarios().entrySet()) {
      String xml =
          ReporterContractTest.render(ReporterContractTest.reporter("junit"), e.getValue());
      xsd.newValidator().validate(new StreamSource(new java.io.StringReader(xml)));
    }
  }

  /**
   * A key written with a lone surrogate escape ("\\ud800") reaches messages as a lone surrogate.
   * XML cannot carry one: the writer paired it with the next character, turning "\\ud800x" into one
   * unrelated character and eating the "&" of the closing quote's entity.
   */
  @Test
  void junitKeepsTheTextAroundALoneSurrogate() throws Exception {
    String text = "{\"a\": 1}";
    TextLines lines = new TextLines(text);
    String message = "inputData has no input \"\ud800x\", nor \"\udc00\" \ud83d\ude00";
    FileReport f =
        report("p.json", text, finding(Rule.UNKNOWN_INPUT, Severity.ERROR, message, lines, 1, 4));
    String xml = ReporterContractTest.render(new JunitReporter(Severity.ERROR), List.of(f));
    org.w3c.dom.Element failure =
        (org.w3c.dom.Element) parse(xml).getElementsByTagName("failure").item(0);
    String expected = "inputData has no input \"\ufffdx\", nor \"\ufffd\" \ud83d\ude00";
    assertEquals(expected, failure.getAttribute("message"));
    assertTrue(failure.getTextContent().endsWith(expected), failure.getTextContent());
  }

  /**
   * GitLab keys a test case by classname and name and keeps one of each (gitlab-org/gitlab#237920):
   * three required inputs missing, all reported at inputData, showed as one failed test.
   */
  @Test
  void junitTestcaseNamesAreUniqueInASuite() throws Exception {
    String text = "{\"inputData\": {}}";
    TextLines lines = new TextLines(text);
    FileReport f =
        report(
            "p.json",
            text,
            finding(Rule.MISSING_REQUIRED_INPUT, Severity.ERROR, "lacks Flow.a", lines, 1, 12),
            finding(Rule.MISSING_REQUIRED_INPUT, Severity.ERROR, "lacks Flow.b", lines, 1, 12),
            finding(Rule.MISSING_REQUIRED_INPUT, Severity.ERROR, "lacks Flow.c", lines, 1, 12));
    Document doc =
        parse(ReporterContractTest.render(new JunitReporter(Severity.ERROR), List.of(f)));
    Set<String> names = new HashSet<>();
    var cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
      assertTrue(
          names.add(c.getAttribute("classname") + "/" + c.getAttribute("name")), names.toString());
    }
    assertEquals(3, names.size());
    assertTrue(names.contains("p/missing-required-input at 1:2"), names.toString());
    assertTrue(names.contains("p/missing-required-input at 1:2 (2)"), names.toString());
  }

  @Test
  void junitClassnamesHaveNoExtension() {
    assertEquals("payloads.orders.new", JunitReporter.classname("./payloads/orders/new.json"));
    assertEquals("execute-body_fail", JunitReporter.classname("execute-body.fail.json"));
    assertEquals("t.x", JunitReporter.classname("../t/x.json.tmpl"));
  }

  @Test
  void gitlabValidatesAgainstGitlabsSchema() throws Exception {
    Schema issue =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(
                CanonicalJson.mapper()
                    .readTree(TestFiles.referenceSchema("gitlab-codeclimate.json").toFile()));
    String text = "{\"a\": 1}";
    TextLines lines = new TextLines(text);
    FileReport twice =
        report(
            "../payloads/x.json",
            text,
            finding(Rule.UNKNOWN_INPUT, Severity.ERROR, "same", lines, 1, 4),
            finding(Rule.UNKNOWN_INPUT, Severity.ERROR, "same", lines, 1, 4),
            finding(Rule.MISSING_CORRELATION_ID, Severity.INFO, "info", lines, 0, 1));
    List<FileReport> all = new java.util.ArrayList<>(List.of(twice));
    // Each file once, as in a run.
    Set<String> paths = new HashSet<>();
    ReporterContractTest.scenarios()
        .values()
        .forEach(l -> l.stream().filter(r -> paths.add(r.path())).forEach(all::add));
    JsonNode report =
        CanonicalJson.mapper()
            .readTree(
                ReporterContractTest.render(
                    new GitlabReporter(new RepoPaths(ROOT.resolve("sub"), ROOT)), all));
    assertTrue(report.isArray());
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode i : report) {
      assertEquals(List.of(), issue.validate(i), i.toString());
      assertTrue(i.get("check_name").isString(), "GitLab's docs require check_name");
      assertTrue(
          Set.of("info", "minor", "major", "critical", "blocker")
              .contains(i.get("severity").asString()));
      assertTrue(fingerprints.add(i.get("fingerprint").asString()), "unique fingerprint " + i);
      assertFalse(i.at("/location/path").asString().startsWith("/"), "relative path");
    }
    assertEquals("payloads/x.json", report.get(0).at("/location/path").asString());
    assertEquals("info", report.get(2).get("severity").asString());
  }

  @Test
  void hostileTextIsShownEscaped() {
    String key = "a\u001b[31mred\u0007\u0000\nb\u202e";
    String text = "{\"" + "x" + "\": 1}";
    TextLines lines = new TextLines(text);
    FileReport f =
        report(
            "p\u001b.json",
            text,
            finding(
                Rule.UNKNOWN_INPUT,
                Severity.ERROR,
                "inputData has no input \"" + key + "\"",
                lines,
                1,
                4,
                "help " + key));
    String out = ReporterContractTest.render(new TextReporter(false, false), List.of(f));
    assertFalse(out.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0 || c == 0x202e), out);
    assertTrue(
        out.contains(
            "\"p\\u001b.json\":1:2: error[unknown-input] inputData has no input \"a\\u001b[31mred\\u0007\\u0000\\nb\\u202e\""),
        out);
    assertTrue(out.contains("help: help a\\u001b[31mred"), out);

    GithubReporter github =
        new GithubReporter(new TextReporter(false, false), new RepoPaths(ROOT, ROOT));
    String annotations = ReporterContractTest.render(github, List.of(f));
    assertFalse(annotations.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0), annotations);
    assertTrue(
        annotations.contains(
            "::inputData has no input \"a\\u001b[31mred\\u0007\\u0000%0Ab\\u202e\""),
        annotations);

    ImportResult imported =
        new ImportResult(
            "schemas",
            List.of(
                new ImportResult.Imported(
                    "Flow\u001b]0;pwned\u0007", "workflow", 1, 0, "f.schema.json")),
            List.of(new ImportResult.Skipped("Bad\nName", "workflow", "src.yaml", "no inputs")),
            List.of(new ImportResult.Problem(ImportResult.Severity.ERROR, "x\u001by")));
    String summary = imported.summary() + imported.problemsText();
    assertFalse(summary.chars().anyMatch(c -> c == 0x1b || c == 0x07), summary);
    assertTrue(summary.contains("imported Flow\\u001b]0;pwned\\u0007 (workflow)"), summary);
    assertTrue(summary.contains("skipped Bad\\nName (workflow)"), summary);
    assertTrue(summary.contains("error: x\\u001by"), summary);
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
