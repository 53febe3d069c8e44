package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files check leaves alone, and which it always checks. */
class NonPayloadSkipTest {
  private static final String ORDER_ID = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  private static final String PACKAGE =
      "{\"name\": \"app\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"}}\n";

  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() throws Exception {
    Path out = tmp.resolve("generated");
    schemas = out.toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
    Files.writeString(tmp.resolve("package.json"), PACKAGE);
  }

  @Test
  void aJsonFileWithoutEnvelopeKeysIsReportedAsSkippedNotAsErrors() {
    Result r = CliRunner.run("check", tmp.resolve("package.json").toString(), "--schemas", schemas);
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("checked 0 files\n", r.out());
    assertEquals(
        "skipped "
            + tmp.resolve("package.json")
            + ": no envelope keys (flowId, inputData, flowType, inputs) "
            + "and no payloads mapping in flowlint.yaml names it\n",
        r.err());
    assertEquals(
        "",
        CliRunner.run("check", tmp.resolve("package.json").toString(), "--schemas", schemas, "-q")
            .err());
  }

  @Test
  void definitionsAndFlowlintsOwnOutputAreSkippedWithALineInVerbose() {
    String[] files = {
      schemas + "/order-lookup.schema.json",
      schemas + "/index.json",
      "fixtures/flows/api/divisionviews-page.json"
    };
    String[] args = new String[files.length + 3];
    System.arraycopy(files, 0, args, 1, files.length);
    args[0] = "check";
    args[files.length + 1] = "--schemas";
    args[files.length + 2] = schemas;
    Result quiet = CliRunner.run(args);
    assertEquals(0, quiet.code(), quiet.out() + quiet.err());
    assertEquals("", quiet.err());
    String[] verbose = java.util.Arrays.copyOf(args, args.length + 1);
    verbose[args.length] = "--verbose";
    Result v = CliRunner.run(verbose);
    assertEquals(0, v.code());
    assertTrue(
        v.err().contains("skipped " + files[0] + ": flowlint's own schema output\n"), v.err());
    assertTrue(v.err().contains("skipped " + files[1] + ": flowlint's schema index\n"), v.err());
    assertTrue(
        v.err()
            .contains("skipped " + files[2] + ": a flow definition (flowlint import reads it)\n"),
        v.err());
  }

  @Test
  void aFileNamedWithFlowOrMappedInTheConfigIsAlwaysChecked() throws Exception {
    Result r =
        CliRunner.run(
            "check",
            tmp.resolve("package.json").toString(),
            "--schemas",
            schemas,
            "--flow",
            "Order Lookup");
    assertEquals(1, r.code(), r.out());
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(cfg, "payloads:\n  - files: \"package.json\"\n    flow: Order Lookup\n");
    Result mapped =
        CliRunner.run(
            "check",
            tmp.resolve("package.json").toString(),
            "--schemas",
            schemas,
            "--config",
            cfg.toString());
    assertEquals(1, mapped.code(), mapped.out());
    assertFalse(mapped.err().contains("skipped"), mapped.err());
    Files.writeString(cfg, "payloads:\n  - files: \"package.json\"\n");
    Result filesOnly =
        CliRunner.run(
            "check",
            tmp.resolve("package.json").toString(),
            "--schemas",
            schemas,
            "--config",
            cfg.toString());
    assertFalse(
        filesOnly.err().contains("skipped"),
        "a mapping without flow or envelope still names the file: " + filesOnly.err());
    assertTrue(filesOnly.out().contains("checked 1 file"), filesOnly.out());
  }

  @Test
  void includeAndExcludeInTheConfigApplyToNamedFiles() throws Exception {
    Path bad = tmp.resolve("drafts/order.json");
    Files.createDirectories(bad.getParent());
    Files.writeString(
        bad, "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"customerId\": \"C\"}}");
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(cfg, "exclude: [\"**/drafts/*.json\"]\n");
    Result excluded =
        CliRunner.run(
            "check", bad.toString(), "--schemas", schemas, "--config", cfg.toString(), "-v");
    assertEquals(0, excluded.code(), excluded.out());
    assertTrue(
        excluded.err().contains("skipped " + bad + ": excluded by exclude \"**/drafts/*.json\""),
        excluded.err());
    Files.writeString(cfg, "include: [\"*.json.tmpl\"]\n");
    Result notIncluded =
        CliRunner.run("check", bad.toString(), "--schemas", schemas, "--config", cfg.toString());
    assertEquals(0, notIncluded.code(), notIncluded.out());
    Files.writeString(cfg, "include: [\"order.json\"]\n");
    assertEquals(
        1,
        CliRunner.run("check", bad.toString(), "--schemas", schemas, "--config", cfg.toString())
            .code());
  }

  @Test
  void stdinFilepathUsesTheMappingAndThePath() throws Exception {
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(
        cfg,
        "payloads:\n  - files: \"payloads/orders/*.json\"\n    flow: Order Lookup\n    envelope: inputs\n");
    Result r =
        CliRunner.withStdin(
            "{\"customerId\": \"C\"}",
            "check",
            "-",
            "--stdin-filepath",
            "payloads/orders/new.json",
            "--schemas",
            schemas,
            "--config",
            cfg.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("payloads/orders/new.json:1:2: error[unknown-input]"), r.out());
    assertTrue(r.out().contains("Flow.customer_id"), r.out());
  }

  @Test
  void aBareContractIsSkippedUnlessNamedAndAnExportIsAlwaysLinted() throws Exception {
    Path contract = tmp.resolve("data-action-input.json");
    Files.writeString(
        contract, "{\"type\": \"object\", \"properties\": {\"address\": {\"type\": \"object\"}}}");
    Result skipped = CliRunner.run("check", contract.toString(), "--schemas", schemas, "-v");
    assertEquals(0, skipped.code(), skipped.out());
    assertTrue(
        skipped
            .err()
            .contains(
                "skipped " + contract + ": a data action input contract or other JSON Schema"),
        skipped.err());
    Result named =
        CliRunner.run("check", contract.toString(), "--schemas", schemas, "--flow", "Order Lookup");
    assertEquals(1, named.code(), named.out());
    assertTrue(named.out().contains("error[contract-not-flat]"), named.out());
    Result export = CliRunner.run("check", "fixtures/data-actions", "--schemas", schemas);
    assertFalse(export.err().contains("skipped"), "exports are linted: " + export.err());
  }

  @Test
  void fixLeavesWhatCheckSkipsAlone() throws Exception {
    Path dir = tmp.resolve("repo");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("package.json"), PACKAGE);
    Result r = CliRunner.run("check", dir.toString(), "--schemas", schemas, "--fix");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(PACKAGE, Files.readString(dir.resolve("package.json")));
    assertTrue(r.err().contains("skipped " + dir + "/package.json: no envelope keys"), r.err());
  }

  /** A misspelt envelope key is the mistake to report, not a reason to skip the file. */
  @Test
  void aPayloadWithMisspeltEnvelopeKeysIsCheckedNotSkipped() throws Exception {
    String[] spellings = {
      "{\"FlowId\": \"" + ORDER_ID + "\", \"InputData\": {\"Flow.customer_id\": \"C\"}}",
      "{\"flowId \": \"" + ORDER_ID + "\", \"inputdata\": {\"Flow.customer_id\": \"C\"}}",
      "{\"flow_id\": \"" + ORDER_ID + "\"}",
      "{\"input_data\": {\"customerId\": \"C\"}}",
      "{\"flowdI\": \"" + ORDER_ID + "\"}",
      "{\"FlowType\": \"shared\", \"Inputs\": {\"customer_id\": \"C\"}}"
    };
    for (int i = 0; i < spellings.length; i++) {
      Path p = tmp.resolve("launch-" + i + ".json");
      Files.writeString(p, spellings[i]);
      Result r = CliRunner.run("check", p.toString(), "--schemas", schemas);
      assertEquals(1, r.code(), spellings[i] + "\n" + r.out() + r.err());
      assertFalse(r.err().contains("skipped"), spellings[i] + "\n" + r.err());
      assertTrue(r.out().contains("checked 1 file"), r.out());
    }
  }

  /**
   * Other tools' JSON stays skipped (a hook is handed every staged *.json): one near key without a
   * payload's shape, a "$schema" key, or one edit from "inputs" is not a payload.
   */
  @Test
  void otherJsonWithANearKeyOrASchemaKeyIsStillSkipped() throws Exception {
    String[] others = {
      "{\"input\": \"src\", \"flow\": 1, \"version\": \"2\"}",
      "{\"Inputs\": {}}",
      "{\"INPUTS\": []}",
      "{\"flow_id\": 12, \"title\": \"x\"}",
      "{\"flowTypes\": [\"a\"]}",
      "{\"flowed\": true}",
      "{\"$schema\": \"https://docs.renovatebot.com/renovate-schema.json\", \"extends\": []}"
    };
    for (int i = 0; i < others.length; i++) {
      Path other = tmp.resolve("other-" + i + ".json");
      Files.writeString(other, others[i]);
      Result r = CliRunner.run("check", other.toString(), "--schemas", schemas);
      assertEquals(0, r.code(), others[i] + "\n" + r.out() + r.err());
      assertTrue(r.out().contains("checked 0 files"), others[i] + "\n" + r.out());
    }
    Result named =
        CliRunner.run("check", tmp.resolve("other-3.json").toString(), "--schemas", schemas);
    assertTrue(
        named.err().contains("its key \"flow_id\" looks like flowId: if it is a payload, name it"),
        named.err());
  }

  @Test
  void stdinIsAlwaysChecked() {
    Result r = CliRunner.withStdin(PACKAGE, "check", "-", "--schemas", schemas);
    assertEquals(1, r.code(), r.out());
  }

  @Test
  void aYamlFileThatIsNotAnArchyFlowIsNamedInVerbose() throws Exception {
    Path ci = tmp.resolve("ci.yaml");
    Files.writeString(ci, "stages:\n  - test\n");
    Result v = CliRunner.run("check", ci.toString(), "--schemas", schemas, "--verbose");
    assertTrue(
        v.err().contains("skipped " + ci + ": YAML whose first key is not an Archy flow type ("),
        v.err());
    assertEquals("", CliRunner.run("check", ci.toString(), "--schemas", schemas).err());
  }
}
