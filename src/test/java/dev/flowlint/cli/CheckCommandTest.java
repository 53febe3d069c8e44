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

/** The check command as a user runs it: streams, exit codes, options. */
class CheckCommandTest {
  private static final String FORUM =
      "{\"flowType\": \"shared\", \"inputs\": {\"userId\": \"{{ user.id }}\", "
          + "\"reasonCode\": \"{{ reasonCode }}\"}, \"metadata\": {\"correlationId\": \"{{ guid() }}\"}}";
  private static final String ORDER_ID = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";

  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
  }

  @Test
  void pastedForumPayloadAimedAtAWorkflowIsToldWhatToSendInstead() {
    Result r =
        CliRunner.withStdin(
            FORUM, "check", "-", "--schemas", schemas, "--flow", "Set GC User to Available");
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .startsWith(
                "<stdin>:1:14: error[flow-type-mismatch] a shared-flow request calls a common module, but \"Set GC User to Available\" is a workflow\n"),
        r.out());
    assertTrue(
        r.out().contains("launch a workflow with POST /api/v2/flows/executions and this body:"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "{\"flowId\": \"<id of Set GC User to Available>\", \"name\": \"{{ guid() }}\", \"inputData\": {\"Flow.userId\": \"{{ user.id }}\", \"Flow.id\": \"<String>\"}}"),
        r.out());
    assertTrue(
        r.out().contains("<stdin>:1:62: error[unknown-input] inputs has no input \"reasonCode\""),
        r.out());
    assertTrue(r.out().endsWith("checked 1 file: 3 errors, 0 warnings, 0 infos\n"), r.out());
  }

  @Test
  void cleanRunPrintsOnlyTheSummaryAndQuietPrintsNothing() {
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"Flow.customer_id\": \"C\"}}",
            "check",
            "-",
            "--schemas",
            schemas);
    assertEquals(0, r.code(), r.out());
    assertEquals("checked 1 file: no problems\n", r.out());
    Result q =
        CliRunner.withStdin(
            "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"customerId\": \"C\"}}",
            "check",
            "-",
            "--schemas",
            schemas,
            "-q");
    assertEquals(1, q.code());
    assertEquals("", q.out());
  }

  @Test
  void quietSilencesTheTerminalNotAReportFileAskedFor() throws Exception {
    String payload = "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"customerId\": \"C\"}}";
    Path text = tmp.resolve("report.txt");
    Path output = tmp.resolve("output.txt");
    Path github = tmp.resolve("github.txt");
    Result q =
        CliRunner.withStdin(
            payload,
            "check",
            "-",
            "--schemas",
            schemas,
            "-q",
            "-f",
            "text=" + text,
            "-f",
            "github=" + github);
    assertEquals(1, q.code());
    assertEquals("", q.out());
    String written = Files.readString(text);
    assertTrue(written.startsWith("<stdin>:1:66: error[unknown-input]"), written);
    assertTrue(written.endsWith("checked 1 file: 1 error, 0 warnings, 0 infos\n"), written);
    assertTrue(Files.readString(github).contains(written), "the GitHub log holds the text report");
    Result o =
        CliRunner.withStdin(
            payload, "check", "-", "--schemas", schemas, "-q", "-o", output.toString());
    assertEquals(1, o.code());
    assertEquals("", o.out());
    assertEquals(written, Files.readString(output));
  }

  @Test
  void failOnDecidesWhichSeveritiesFail() {
    String info = "{\"flowType\": \"shared\", \"inputs\": {\"ani\": \"x\"}}";
    assertEquals(
        0,
        CliRunner.withStdin(info, "check", "-", "--schemas", schemas, "--flow", "Resolve Customer")
            .code());
    assertEquals(
        1,
        CliRunner.withStdin(
                info,
                "check",
                "-",
                "--schemas",
                schemas,
                "--flow",
                "Resolve Customer",
                "--fail-on",
                "info")
            .code());
  }

  @Test
  void jsonFormatFollowsTheContract() {
    Result r =
        CliRunner.withStdin(
            "{\n  \"flowId\": \""
                + ORDER_ID
                + "\",\n  \"inputData\": {\n    \"customerId\": \"x\"\n  }\n}",
            "check",
            "-",
            "--schemas",
            schemas,
            "--format",
            "json");
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .contains(
                "\"message\": \"inputData has no input \\\"customerId\\\"; did you mean \\\"Flow.customer_id\\\"?\""),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "\"pointer\": \"/inputData/customerId\",\n          \"line\": 4,\n          \"column\": 5,\n          \"endLine\": 4,\n          \"endColumn\": 17"),
        r.out());
    assertTrue(r.out().contains("\"replacement\": \"\\\"Flow.customer_id\\\"\""), r.out());
    assertTrue(r.out().contains("\"summary\": {\n    \"files\": 1,\n    \"errors\": 1,"), r.out());
  }

  @Test
  void directoriesAreSearchedForPayloadsAndTemplates() throws Exception {
    Path dir = tmp.resolve("payloads");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        dir.resolve("a.json"),
        "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"Flow.customer_id\": \"C\"}}");
    Files.writeString(
        dir.resolve("sub/b.json.hbs"),
        "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"Flow.customer_id\": {{ id }}}}");
    Files.writeString(dir.resolve("notes.txt"), "not a payload");
    Files.writeString(dir.resolve("x.schema.json"), "{}");
    Result r = CliRunner.run("check", dir.toString(), "--schemas", schemas);
    assertEquals(0, r.code(), r.out());
    assertEquals("checked 2 files: no problems\n", r.out());
  }

  @Test
  void aSymlinkLoopIsReportedNotFollowedAndHiddenDirectoriesAreSkipped() throws Exception {
    Path dir = tmp.resolve("loop");
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.json"), "{not json");
    Files.writeString(
        dir.resolve("a/p.json"),
        "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"Flow.customer_id\": \"C\"}}");
    Files.createSymbolicLink(dir.resolve("a/back"), dir);
    Result r = CliRunner.run("check", dir.toString(), "--schemas", schemas);
    assertEquals(2, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                dir
                    + "/a/back:1:1: error[unreadable-file] cannot read this file: a symbolic link loop; not followed"),
        r.out());
    assertTrue(r.out().endsWith("checked 2 files: 1 error, 0 warnings, 0 infos\n"), r.out());
  }

  @Test
  void unreadableInputExitsTwo() throws Exception {
    Path latin = tmp.resolve("latin1.json");
    Files.write(latin, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    Result r = CliRunner.run("check", latin.toString(), "missing.json", "--schemas", schemas);
    assertEquals(2, r.code());
    assertTrue(
        r.out()
            .contains(
                latin
                    + ":1:1: error[unreadable-file] cannot read this file: not UTF-8 text (bad byte at offset 2)"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "missing.json:1:1: error[unreadable-file] cannot read this file: no such file or directory"),
        r.out());
  }

  @Test
  void usageMistakesExitTwoWithAClearMessage() {
    assertUsage(
        CliRunner.run("check", "-", "--schemas", tmp.resolve("none").toString()),
        "no schemas directory");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--format", "xml"),
        "unknown --format \"xml\"; use one of text, json");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--envelope", "soap"),
        "Invalid value for option '--envelope': \"soap\" is not one of flow-execution, shared-flow, inputs, data-action");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--fail-on", "fatal"),
        "Invalid value for option '--fail-on': \"fatal\" is not one of error, warning, info");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--color", "sometimes"),
        "Invalid value for option '--color': \"sometimes\" is not one of auto, always, never");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--config", "nope.yaml"),
        "no config file nope.yaml");
  }

  @Test
  void closedSetOptionsListTheirValuesInHelp() {
    String help = CliRunner.run("check", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("flow-execution, shared-flow, inputs, data-action"), help);
    assertTrue(help.contains("exit code 1: error, warning, info (default: error)"), help);
    assertTrue(help.contains("auto, always, never (default: auto"), help);
    assertEquals(
        1,
        CliRunner.withStdin(
                "{}",
                "check",
                "-",
                "--schemas",
                schemas,
                "--flow",
                "Order Lookup",
                "--fail-on",
                "WARNING",
                "--envelope",
                "inputs",
                "--color",
                "never")
            .code(),
        "values are read case-insensitively");
  }

  @Test
  void dashOMeansOneThing() {
    assertTrue(CliRunner.run("check", "--help").out().contains("-o, --output=FILE"));
    Result imp = CliRunner.run("import", "-o", tmp.toString(), "x.yaml");
    assertEquals(2, imp.code());
    assertTrue(imp.err().contains("Unknown option: '-o'"), imp.err());
  }

  @Test
  void aSchemaThatCannotBeUsedIsAUsageErrorNamingIt() throws Exception {
    Path file = Path.of(schemas, "order-lookup.schema.json");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("\"type\": \"number\",", "\"type\": \"number\", \"pattern\": \"([\","));
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \""
                + ORDER_ID
                + "\", \"inputData\": {\"Flow.customer_id\": \"C\", \"Flow.amount\": 2}}",
            "check",
            "-",
            "--schemas",
            schemas);
    assertUsage(
        r,
        "order-lookup.schema.json: the schema of Flow.amount cannot be used: the pattern ([ cannot"
            + " be matched as ECMA-262 (JSON Schema's regular expressions) reads it: at index 1, a [ that is"
            + " never closed");
  }

  @Test
  void badConfigIsNamedWithTheSetting() throws Exception {
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(cfg, "rules:\n  unknown-inputs: off\n");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--config", cfg.toString()),
        "rules: unknown rule \"unknown-inputs\"");
    Files.writeString(cfg, "payloads:\n  - files: \"*.json\"\n    envelope: soap\n");
    assertUsage(
        CliRunner.run("check", "-", "--schemas", schemas, "--config", cfg.toString()),
        "payloads[0]: envelope \"soap\" is not one of");
  }

  /** A typo in a flows entry would make its override apply to nothing: the run refuses it. */
  @Test
  void aFlowsEntryThatNamesNoFlowOrHasAMisspeltKeyIsRefused() throws Exception {
    Path cfg = tmp.resolve("flowlint.yaml");
    String lacksPriority =
        "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"Flow.customer_id\": \"C\"}}";
    Files.writeString(cfg, "flows:\n  Order Lookup:\n    required: [Flow.priority]\n");
    Result enforced =
        CliRunner.withStdin(
            lacksPriority, "check", "-", "--schemas", schemas, "--config", cfg.toString());
    assertEquals(1, enforced.code(), enforced.out() + enforced.err());
    assertTrue(enforced.out().contains("missing-required-input"), enforced.out());

    Files.writeString(cfg, "flows:\n  Order Lookp:\n    required: [Flow.priority]\n");
    Result unknownFlow =
        CliRunner.withStdin(
            lacksPriority, "check", "-", "--schemas", schemas, "--config", cfg.toString());
    assertUsage(
        unknownFlow,
        cfg
            + ": flows: \"Order Lookp\" is no flow's name or id in "
            + schemas
            + "; did you mean \"Order Lookup\"?");
    // A flow not in these schemas and like none of them (deleted in the org, not pulled here): a
    // warning, and the check goes on.
    Files.writeString(
        cfg,
        "flows:\n  Retired Flow:\n    optional: [Flow.x]\n  Order Lookup:\n    required: [Flow.priority]\n");
    Result retired =
        CliRunner.withStdin(
            lacksPriority, "check", "-", "--schemas", schemas, "--config", cfg.toString());
    assertEquals(1, retired.code(), retired.out() + retired.err());
    assertTrue(retired.out().contains("missing-required-input"), retired.out());
    assertTrue(
        retired
            .err()
            .contains(
                "flowlint check: warning: "
                    + cfg
                    + ": flows: \"Retired Flow\" is no flow's name or id in "
                    + schemas),
        retired.err());
    Files.writeString(cfg, "flows:\n  " + ORDER_ID + ":\n    required: [Flow.priority]\n");
    assertEquals(
        1,
        CliRunner.withStdin(
                lacksPriority, "check", "-", "--schemas", schemas, "--config", cfg.toString())
            .code(),
        "a flow's id names it too");

    for (String key : new String[] {"requird", "optinal", "Required"}) {
      Files.writeString(cfg, "flows:\n  Order Lookup:\n    " + key + ": [Flow.priority]\n");
      assertUsage(
          CliRunner.withStdin(
              lacksPriority, "check", "-", "--schemas", schemas, "--config", cfg.toString()),
          "flows.Order Lookup: unknown key \"" + key + "\"; known: required, optional, inputs");
    }
  }

  @Test
  void configSetsSeveritiesAndMapsFilesToFlows() throws Exception {
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(
        cfg,
        "schemas: schemas\npayloads:\n  - files: \"*.json\"\n    flow: Order Lookup\n    envelope: inputs\n"
            + "rules:\n  unknown-input: warning\nflows:\n  Order Lookup:\n    optional: [Flow.customer_id]\n");
    Path payload = tmp.resolve("p.json");
    Files.writeString(payload, "{\"Flow.custmer_id\": \"x\"}");
    Result r = CliRunner.run("check", payload.toString(), "--config", cfg.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "warning[unknown-input] the inputs object has no input \"Flow.custmer_id\"; did you mean \"Flow.customer_id\"?"),
        r.out());
    assertFalse(r.out().contains("missing-required-input"), r.out());
  }

  @Test
  void colourOnlyWhenAsked() {
    String bad = "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {\"customerId\": \"C\"}}";
    assertFalse(
        CliRunner.withStdin(bad, "check", "-", "--schemas", schemas).out().contains("\u001b["));
    assertTrue(
        CliRunner.withStdin(bad, "check", "-", "--schemas", schemas, "--color", "always")
            .out()
            .contains("\u001b[1;31merror[unknown-input]"));
  }

  @Test
  void aFlowIdThatLooksLikeANameGetsTheClosestFlowNames() {
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \"Order Lookpu\", \"inputData\": {}}",
            "check",
            "-",
            "--schemas",
            schemas);
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .contains(
                "error[unknown-flow] cannot tell which flow this payload is for: tried --flow (not given), "
                    + "flowId \"Order Lookpu\" (not in the schemas index): did you mean \"Order Lookup\"?"),
        r.out());
  }

  @Test
  void aFlowIdThatIsTheFlowsNameIsFixedToItsId() {
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \"Order Lookup\", \"inputData\": {\"Flow.customer_id\": \"C\"}}",
            "check",
            "-",
            "--schemas",
            schemas,
            "--format",
            "json");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("\"flow\": \"Order Lookup\""), r.out());
    assertTrue(
        r.out()
            .contains(
                "\"message\": \"flowId must be the flow's UUID, got the string \\\"Order Lookup\\\"\""),
        r.out());
    assertTrue(r.out().contains("\"replacement\": \"\\\"" + ORDER_ID + "\\\"\""), r.out());
  }

  @Test
  void unknownFlowNamedOnTheCommandLine() {
    Result r =
        CliRunner.withStdin(
            "{\"inputData\": {}}", "check", "-", "--schemas", schemas, "--flow", "Order Lookpu");
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .contains(
                "error[unknown-flow] no schema for flow \"Order Lookpu\" (from --flow); did you mean \"Order Lookup\"?"),
        r.out());
  }

  @Test
  void rulesListsEveryRule() {
    Result r = CliRunner.run("rules");
    assertEquals(0, r.code());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l -> l.matches("unknown-input +error +An input name the flow does not have.*")),
        r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("missing-correlation-id +info +.*")), r.out());
    for (dev.flowlint.model.Rule rule : dev.flowlint.model.Rule.values()) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(rule.id() + " ")), rule.id());
    }
  }

  private static void assertUsage(Result r, String message) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
