package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path tmp;


  @Test
  void importsTheFixturesWithASummaryAndAnIndex() throws IOException {
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", "fixtures/flows", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("imported WFM-HR-GetEmployeeBalances (workflow): 3 inputs, 3 required -> wfm-hr-getemployeebalances.schema.json"), r.out());
    assertTrue(r.out().contains("skipped Main IVR (inboundcall): no inputs"), r.out());
    assertTrue(r.out().endsWith("11 flows imported (38 inputs) into " + out + ", 1 skipped, 0 errors\n"), r.out());
    String index = Files.readString(out.resolve("index.json"));
    assertTrue(index.contains("\"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\": \"order-lookup.schema.json\""), index);
    assertTrue(index.contains("\"Order Lookup\": \"order-lookup.schema.json\""), index);
    assertEquals(12, dev.flowlint.TestFiles.contents(out).size(), "eleven schemas and the index");
  }

  @Test
  void reimportIsByteIdentical() throws IOException {
    Path out = tmp.resolve("schemas");
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", out.toString()).code());
    Map<String, String> first = dev.flowlint.TestFiles.contents(out);
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", out.toString()).code());
    assertEquals(first, dev.flowlint.TestFiles.contents(out));
  }

  @Test
  void importingOneFileKeepsTheOthersInTheIndex() throws IOException {
    Path out = tmp.resolve("schemas");
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", out.toString()).code());
    Map<String, String> first = dev.flowlint.TestFiles.contents(out);
    assertEquals(0, CliRunner.run("import", "fixtures/flows/SchedulingBot.yaml", "--out", out.toString()).code());
    assertEquals(first, dev.flowlint.TestFiles.contents(out));
  }

  @Test
  void differingDefinitionsOfOneFlowAreReportedAndNeitherWritten() throws IOException {
    Path a = tmp.resolve("a.yaml");
    Path b = tmp.resolve("b.yaml");
    Files.writeString(a, flow("Same Name", "Flow.x", "stringVariable"));
    Files.writeString(b, flow("Same Name", "Flow.x", "integerVariable"));
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", a.toString(), b.toString(), "--out", out.toString());
    assertTrue(r.err().contains("error: flow \"Same Name\" is defined differently in " + a + " and " + b + "; neither was written"), r.err());
    assertFalse(Files.exists(out.resolve("same-name.schema.json")));
  }

  @Test
  void inputsDifferingOnlyByCaseAreReported() throws IOException {
    Path a = tmp.resolve("a.yaml");
    Files.writeString(a, "workflow:\n  name: Cases\n  variables:\n"
        + "    - stringVariable:\n        name: Flow.customerId\n        isInput: true\n"
        + "    - stringVariable:\n        name: Flow.CustomerID\n        isInput: true\n");
    Result r = CliRunner.run("import", a.toString(), "--out", tmp.resolve("s").toString());
    assertEquals(0, r.code());
    assertTrue(r.err().contains("inputs \"Flow.customerId\" and \"Flow.CustomerID\" that differ only by case"), r.err());
  }

  @Test
  void nothingImportableExitsTwoAndWritesNothing() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "workflow: [\n");
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", bad.toString(), "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: " + bad + ":"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMissingPathIsNamedButTheRestImports() throws IOException {
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", "no/such/dir", "fixtures/flows/SchedulingBot.yaml", "--out", out.toString());
    assertEquals(0, r.code());
    assertTrue(r.err().contains("error: no/such/dir: no such file or directory"), r.err());
    assertTrue(Files.exists(out.resolve("schedulingbot.schema.json")));
  }

  @Test
  void requiredPolicyAllMarksEveryInput() throws IOException {
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", "fixtures/flows/Callback-Prioritization.i3WorkFlow", "--required", "all", "--out", out.toString());
    assertEquals(0, r.code());
    assertTrue(r.out().contains("3 inputs, 3 required"), r.out());
  }

  @Test
  void configGivesTheOutputDirectoryAndRequiredPolicy() throws IOException {
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(cfg, "schemas: generated\nrequired: all\n");
    Result r = CliRunner.run("import", "fixtures/flows/Callback-Prioritization.i3WorkFlow", "--config", cfg.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("3 inputs, 3 required"), r.out());
    assertTrue(Files.exists(tmp.resolve("generated").resolve("ty-callback-prioritization.schema.json")));
  }

  @Test
  void usageErrorsExitTwoWithoutAStackTrace() {
    Result r = CliRunner.run("import", "fixtures/flows", "--bogus");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    Result policy = CliRunner.run("import", "fixtures/flows", "--required", "sometimes");
    assertEquals(2, policy.code());
    assertTrue(policy.err().contains("unknown --required policy \"sometimes\""), policy.err());
  }

  @Test
  void helpAndVersion() {
    Result help = CliRunner.run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("import"), help.out());
    Result version = CliRunner.run("--version");
    assertEquals("flowlint 0.1.0\n", version.out());
  }

  static String flow(String name, String var, String keyword) {
    return "workflow:\n  name: " + name + "\n  variables:\n    - " + keyword + ":\n        name: " + var
        + "\n        initialValue:\n          noValue: true\n        isInput: true\n        isOutput: false\n";
  }
}
