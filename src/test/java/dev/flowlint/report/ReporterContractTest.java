package dev.flowlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.check.CheckRun;
import dev.flowlint.check.FixtureSupport;
import dev.flowlint.check.PayloadFiles;
import dev.flowlint.config.Config;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.FileReport;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * Every report format through the same scenarios (in the manner of PMD's renderer tests): clean,
 * one finding, many findings across files, an unreadable file, a finding with a fix, non-ASCII
 * text. Golden files pin each format's output.
 */
class ReporterContractTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  private static Map<String, List<FileReport>> scenarios;

  /**
   * The scenarios, made once on first use: CiFormatsTest reads them too, and runs side by side with
   * this class. Filled by this class's @BeforeAll, they were empty (its loops passed checking
   * nothing) or half made (ConcurrentModificationException) when CiFormatsTest came first.
   */
  static synchronized Map<String, List<FileReport>> scenarios() throws Exception {
    if (scenarios == null) {
      Path tmp = Files.createTempDirectory("flowlint-scenarios");
      try {
        scenarios = java.util.Collections.unmodifiableMap(make(tmp));
      } finally {
        try (var walk = Files.walk(tmp)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
    return scenarios;
  }

  private static Map<String, List<FileReport>> make(Path tmp) throws Exception {
    Map<String, List<FileReport>> scenarios = new LinkedHashMap<>();
    SchemaStore store = FixtureSupport.importFixtures(tmp.resolve("schemas"));
    CheckRun run =
        new CheckRun(
            store, Config.EMPTY, Optional.empty(), Optional.empty(), new PayloadFiles(List.of()));
    Path dir = tmp.resolve("payloads");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("clean.json"),
        "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"C-1\"}}\n");
    Files.writeString(
        dir.resolve("one.json"),
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"C-1\", \"Flow.phone\": 1}}\n");
    Files.writeString(
        dir.resolve("fix.json"),
        "{\n  \"flowId\": \""
            + ORDER
            + "\",\n  \"inputData\": {\n    \"customerId\": \"C-1\"\n  }\n}\n");
    Files.writeString(
        dir.resolve("many.json"),
        "{\"flowType\": \"workflow\", \"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.priority\": \"3\", \"Flow\": {\"x\": 1}}}\n");
    Files.writeString(
        dir.resolve("café, 100%.json"),
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"é\", \"Flow.nöm\": \"ü\"}}\n");
    Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    scenarios.put("clean", check(run, tmp, "clean.json"));
    scenarios.put("one finding", check(run, tmp, "one.json"));
    scenarios.put("many findings across files", check(run, tmp, "many.json", "one.json"));
    scenarios.put("unreadable file", check(run, tmp, "latin1.json"));
    scenarios.put("finding with a fix", check(run, tmp, "fix.json"));
    scenarios.put("non-ASCII text", check(run, tmp, "café, 100%.json"));
    return scenarios;
  }

  private static List<FileReport> check(CheckRun run, Path tmp, String... names) throws Exception {
    List<String> paths = new ArrayList<>();
    for (String n : names) {
      paths.add("payloads/" + n);
    }
    // Check from tmp so paths are short and the same on every machine.
    List<FileReport> reports = new ArrayList<>();
    for (String p : paths) {
      FileReport r =
          run.run(List.of(tmp.resolve(p).toString()), new ByteArrayInputStream(new byte[0])).get(0);
      reports.add(new FileReport(p, r.flow(), r.envelope(), r.diagnostics(), r.lines()));
    }
    return reports;
  }

  static String render(Reporter reporter, List<FileReport> reports) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(reports, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A fixed repository root so golden files are the same on every machine. */
  static final ReportContext CONTEXT =
      new ReportContext(
          "0.1.0",
          false,
          false,
          dev.flowlint.model.Severity.ERROR,
          Path.of("/repo"),
          Path.of("/repo"));

  static Reporter reporter(String format) {
    return OutputFormat.byName(format).orElseThrow().create(CONTEXT);
  }

  private static String allScenarios(String format) throws Exception {
    StringBuilder out = new StringBuilder();
    for (var e : scenarios().entrySet()) {
      Reporter r = reporter(format);
      out.append("=== ")
          .append(e.getKey())
          .append(" ===\n")
          .append(render(r, e.getValue()))
          .append('\n');
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github", "junit", "gitlab"})
  void everyFormatThroughEveryScenario(String format) throws Exception {
    Approvals.verify(
        allScenarios(format),
        new Options()
            .withReporter(new QuietReporter())
            // The stop-commands token is random in each run.
            .withScrubber(t -> t.replaceAll("flowlint-[0-9a-f]{24}", "flowlint-TOKEN"))
            .forFile()
            .withAdditionalInformation(format));
  }

  @Test
  void sarifValidatesAgainstTheOfficialSchema() throws Exception {
    Path schemaFile = dev.flowlint.TestFiles.referenceSchema("sarif-schema-2.1.0.json");
    assertTrue(Files.exists(schemaFile), "the repository carries " + schemaFile);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    Schema schema = registry.getSchema(CanonicalJson.mapper().readTree(schemaFile.toFile()));
    for (var e : scenarios().entrySet()) {
      JsonNode sarif = CanonicalJson.mapper().readTree(render(reporter("sarif"), e.getValue()));
      List<Error> errors = schema.validate(sarif);
      assertEquals(List.of(), errors, e.getKey());
    }
    JsonNode many =
        CanonicalJson.mapper()
            .readTree(render(reporter("sarif"), scenarios().get("many findings across files")));
    assertTrue(many.at("/runs/0/results").size() >= 3);
    assertEquals("utf16CodeUnits", many.at("/runs/0/columnKind").asString());
  }

  @Test
  void sarifFingerprintsAreStableAndDistinct() throws Exception {
    String a = render(reporter("sarif"), scenarios().get("many findings across files"));
    String b = render(reporter("sarif"), scenarios().get("many findings across files"));
    assertEquals(a, b);
    JsonNode results = CanonicalJson.mapper().readTree(a).at("/runs/0/results");
    java.util.Set<String> prints = new java.util.HashSet<>();
    results.forEach(r -> prints.add(r.at("/partialFingerprints/flowlint~1v1").asString()));
    assertEquals(results.size(), prints.size());
  }

  @Test
  void junitIsWellFormedXmlWithOneTestcasePerFinding() throws Exception {
    String xml = render(reporter("junit"), scenarios().get("many findings across files"));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, doc.getElementsByTagName("testsuite").getLength());
    // Findings below --fail-on (error by default) are passing test cases, not failures.
    long failing =
        scenarios().get("many findings across files").stream()
            .mapToLong(
                f ->
                    f.diagnostics().stream()
                        .filter(d -> d.severity() == dev.flowlint.model.Severity.ERROR)
                        .count())
            .sum();
    long findings =
        scenarios().get("many findings across files").stream()
            .mapToLong(f -> f.diagnostics().size())
            .sum();
    assertTrue(failing < findings, "the scenario has a finding below error");
    assertEquals(failing, doc.getElementsByTagName("failure").getLength());
    assertEquals(findings, doc.getElementsByTagName("testcase").getLength());
  }

  @Test
  void githubEscapesDataAndProperties() {
    assertEquals("100%25 a%0Ab", GithubReporter.data("100% a\nb"));
    assertEquals("a%3Ab%2Cc%25", GithubReporter.property("a:b,c%"));
  }
}
