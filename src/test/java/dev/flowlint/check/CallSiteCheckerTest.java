package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.config.Config;
import dev.flowlint.model.Definition;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/** Call sites against their callees: the rules one by one, and a renamed module input. */
class CallSiteCheckerTest {
  @TempDir Path tmp;

  private static final String MODULE =
      """
      commonModule:
        name: Lookup
        settingsCommonModule:
          compatibleFlowTypes:
            - flowType: inboundcall
            - flowType: workflow
        variables:
          - stringVariable:
              name: Common.userId
              initialValue:
                noValue: true
              isInput: true
          - integerVariable:
              name: Common.limit
              initialValue:
                lit: 5
              isInput: true
          - booleanVariable:
              name: Common.found
              isInput: false
              isOutput: true
      """;

  private static String caller(String type, String bindings) {
    return type
        + ":\n  name: Caller\n  actions:\n    - callCommonModule:\n        name: Call\n        commonModule:\n"
        + "          Lookup:\n            ver_latestPublished:\n"
        + bindings;
  }

  private CallSiteChecker checker(String module, Config config) throws Exception {
    Path dir = tmp.resolve("s" + System.nanoTime());
    List<Definition> defs =
        new ArrayList<>(new FlowSources().read(new SourceText("flows/lookup.yaml", module)));
    new SchemaImporter(RequiredPolicy.NO_DEFAULT).write(dir, dir.toString(), defs, List.of());
    return new CallSiteChecker(SchemaStore.open(dir, dir.toString()), config);
  }

  private static List<String> found(FileReport r) {
    return r.diagnostics().stream()
        .map(d -> d.rule().id() + " " + d.span().line() + ":" + d.span().column())
        .toList();
  }

  @Test
  void aCorrectCallerGivesNothing() throws Exception {
    FileReport r =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "inboundCall",
                    "              inputs:\n                Common.userId:\n                  exp: Call.Ani\n"
                        + "              outputs:\n                Common.found:\n                  var: Flow.found\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of(), found(r));
    assertEquals(Optional.of("Caller"), r.flow());
  }

  @Test
  void oneLocatedFindingPerMistakeWithTheRightSuggestion() throws Exception {
    FileReport r =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "inboundShortMessage",
                    "              inputs:\n                Common.userid:\n                  exp: Call.Ani\n"
                        + "                Common.limit:\n                  lit: many\n"
                        + "              outputs:\n                Common.fund:\n                  var: Flow.found\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(
        List.of(
            "call-incompatible-flow-type 7:11",
            "call-unknown-input 10:17",
            "call-input-type 12:17",
            "call-unknown-output 15:17"),
        found(r));
    Diagnostic unknown = r.diagnostics().get(1);
    assertEquals(
        "common module \"Lookup\" has no input \"Common.userid\"; did you mean \"Common.userId\"?",
        unknown.message());
    assertEquals("Common.userId", unknown.fix().orElseThrow().replacement());
  }

  @Test
  void noRenameToANameTheCallAlreadyBindsForYamlKeysAreUnique() throws Exception {
    FileReport r =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "inboundCall",
                    "              inputs:\n                Common.userId:\n                  exp: Call.Ani\n"
                        + "                Common.userid:\n                  exp: Call.Ani\n"
                        + "              outputs:\n                Common.fund:\n                  var: Flow.a\n"
                        + "                Common.Found:\n                  var: Flow.b\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(
        List.of(
            "call-unknown-input 12:17", "call-unknown-output 15:17", "call-unknown-output 17:17"),
        found(r));
    Diagnostic duplicate = r.diagnostics().get(0);
    assertEquals(
        Optional.empty(),
        duplicate.fix(),
        "Common.userId is bound already: renaming would duplicate the key");
    assertTrue(duplicate.help().get(0).contains("already bound"), duplicate.help().toString());
    assertEquals("Common.found", r.diagnostics().get(1).fix().orElseThrow().replacement());
    assertEquals(
        Optional.empty(),
        r.diagnostics().get(2).fix(),
        "two misspellings of one name: only the first is renamed");
  }

  @Test
  void aRepeatedKeyIsADuplicateKeyErrorAtItsSecondPlace() throws Exception {
    // Whichever binding a loader keeps, the call is ambiguous: if the last wins, Common.userId is
    // unbound and call-missing-input would be hidden.
    FileReport r =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "workflow",
                    "              inputs:\n                Common.userId: {exp: Call.Ani}\n"
                        + "                Common.userId: {noValue: true}\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("duplicate-key 11:17"), found(r));
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(
        "the key \"Common.userId\" is repeated in this mapping (first at 10:17); only one of"
            + " them takes effect",
        d.message());
    assertEquals(
        "/workflow/actions/0/callCommonModule/commonModule/Lookup/ver_latestPublished/inputs/Common.userId",
        d.pointer());
    // Any mapping of the flow file, not only bindings; merge keys (<<) are not repeats.
    FileReport elsewhere =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                "workflow:\n  name: A\n  name: B\n  x: &m {a: 1}\n  y: {<<: *m, <<: *m}\n",
                FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("duplicate-key 3:3"), found(elsewhere));
    // A mapping used again through an alias is one mapping: its repeat is said once.
    FileReport aliased =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                "workflow:\n  name: A\n  x: &m {a: 1, a: 2}\n  y: *m\n  z: *m\n",
                FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("duplicate-key 3:16"), found(aliased));
  }

  @Test
  void noValueLeavesARequiredInputUnboundAndConfigCanMakeItOptional() throws Exception {
    String bindings =
        "              inputs:\n                Common.userId:\n                  noValue: true\n";
    FileReport r =
        checker(MODULE, Config.EMPTY)
            .check("c.yaml", caller("workflow", bindings), FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("call-missing-input 10:17"), found(r));
    Config optional =
        new Config(
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Map.of(
                "Lookup",
                new Config.FlowOverride(java.util.Set.of(), java.util.Set.of("Common.userId"))),
            Map.of(),
            List.of());
    assertEquals(
        List.of(),
        found(
            checker(MODULE, optional)
                .check("c.yaml", caller("workflow", bindings), FileKinds.Kind.FLOW_YAML)));
    FileReport none =
        checker(MODULE, Config.EMPTY)
            .check(
                "c.yaml",
                caller("workflow", "              inputs: {}\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(
        List.of("call-missing-input 7:11"),
        found(none),
        "no binding at all: reported at the callee's name");
  }

  @Test
  void aRenamedModuleInputIsReportedInEveryCaller() throws Exception {
    CallSiteChecker renamed =
        checker(MODULE.replace("Common.userId", "Common.customerId"), Config.EMPTY);
    String bindings =
        "              inputs:\n                Common.userId:\n                  exp: Call.Ani\n";
    for (String type : List.of("inboundCall", "workflow")) {
      FileReport r =
          renamed.check(type + ".yaml", caller(type, bindings), FileKinds.Kind.FLOW_YAML);
      assertEquals(List.of("call-missing-input 7:11", "call-unknown-input 10:17"), found(r), type);
    }
  }

  @Test
  void placeholderCalleesAreInfoUntilTemplatesNameThem() throws Exception {
    String text =
        caller(
                "workflow",
                "              inputs:\n                Common.userid:\n                  exp: X\n")
            .replace("Lookup:", "\"{{lookup_module}}\":");
    FileReport unnamed =
        checker(MODULE, Config.EMPTY).check("c.yaml", text, FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("call-unknown-callee 7:11"), found(unnamed));
    assertEquals(Severity.INFO, unnamed.diagnostics().get(0).severity());
    assertTrue(unnamed.diagnostics().get(0).help().get(0).contains("templates: {lookup_module:"));
    Config named =
        new Config(
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            Map.of("lookup_module", "Lookup"));
    FileReport r = checker(MODULE, named).check("c.yaml", text, FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("call-unknown-input 10:17"), found(r));
  }

  @Test
  void aQuotedKeyIsRenamedInItsOwnQuotes() throws Exception {
    CallSiteChecker c = checker(MODULE, Config.EMPTY);
    for (String q : List.of("\"", "'", "")) {
      String text =
          caller(
              "workflow",
              "              inputs:\n                "
                  + q
                  + "Common.userid"
                  + q
                  + ":\n                  exp: X\n");
      FileReport r = c.check("c.yaml", text, FileKinds.Kind.FLOW_YAML);
      assertEquals(
          q + "Common.userId" + q, r.diagnostics().get(0).fix().orElseThrow().replacement());
    }
  }

  @Test
  void aBrokenFlowIsUnreadableAtThePlaceTheParserNames() throws Exception {
    String text = "workflow:\r\n  name: X\r\n  actions:\r\n    - a: b\r\n   c: [d\r\n";
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.flowlint.source.SourceException.class,
            () -> dev.flowlint.source.YamlCallSites.read(new SourceText("f.yaml", text)));
    FileReport r = checker(MODULE, Config.EMPTY).check("f.yaml", text, FileKinds.Kind.FLOW_YAML);
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Rule.UNREADABLE_FILE, d.rule());
    assertEquals(e.line() + ":" + e.column(), d.span().line() + ":" + d.span().column());
    assertTrue(e.line() > 1, e.getMessage());
  }

  @Test
  void calleeNamesResolveEveryPlaceholderOrNone() {
    assertEquals(
        Optional.of("acme-data-action"),
        CalleeNames.resolve("${prefix}-data-action", Map.of("prefix", "acme")));
    assertEquals(
        Optional.of("Resolve Contact"),
        CalleeNames.resolve(
            "{{ common_module_name }}", Map.of("common_module_name", "Resolve Contact")));
    assertEquals(Optional.empty(), CalleeNames.resolve("{{a}}-{{b}}", Map.of("a", "x")));
    assertEquals(List.of("a", "b"), CalleeNames.placeholders("{{a}}-${b}"));
  }

  @Test
  void literalsAreJudgedOnlyWhereTheirFormIsCertain() {
    var nodes = JsonNodeFactory.instance;
    var integer = nodes.objectNode().put("x-genesys-type", "Integer");
    assertEquals(Optional.of("Integer"), LiteralFit.misfit(integer, "5.5"));
    assertEquals(Optional.empty(), LiteralFit.misfit(integer, "-12"));
    assertEquals(Optional.empty(), LiteralFit.misfit(integer, "{{limit}}"));
    assertEquals(
        Optional.of("Boolean"),
        LiteralFit.misfit(nodes.objectNode().put("type", "boolean"), "yes"));
    assertEquals(
        Optional.empty(), LiteralFit.misfit(nodes.objectNode().put("type", "number"), "1e3"));
    assertEquals(
        Optional.empty(),
        LiteralFit.misfit(nodes.objectNode().put("x-genesys-type", "String"), "anything"));
    assertEquals(
        Optional.empty(),
        LiteralFit.misfit(nodes.objectNode().put("x-genesys-type", "Queue"), "Sales"));
  }

  /** An Integer literal beyond Architect's range is rejected as a payload's number is. */
  @Test
  void anIntegerLiteralOutOfRangeIsACallInputTypeError() throws Exception {
    var nodes = JsonNodeFactory.instance;
    var integer = nodes.objectNode().put("x-genesys-type", "Integer");
    assertEquals(
        Optional.of("above the input's maximum 999999999999999"),
        LiteralFit.outOfRange(integer, "99999999999999999999"));
    assertEquals(
        Optional.of("below the input's minimum -999999999999999"),
        LiteralFit.outOfRange(integer, "-1000000000000000"));
    assertEquals(Optional.empty(), LiteralFit.outOfRange(integer, "999999999999999"));
    assertEquals(
        Optional.of("above the input's maximum 10"),
        LiteralFit.outOfRange(integer.deepCopy().put("maximum", 10), "11"));
    assertEquals(Optional.empty(), LiteralFit.outOfRange(integer, "{{ big }}"));
    var decimal = nodes.objectNode().put("x-genesys-type", "Decimal");
    assertEquals(
        Optional.of("beyond the range of a 64-bit floating-point number"),
        LiteralFit.outOfRange(decimal, "1e400"));
    assertEquals(Optional.empty(), LiteralFit.outOfRange(decimal, "1e300"));
    // Digits bound to a String are text: no range.
    assertEquals(
        Optional.empty(),
        LiteralFit.outOfRange(nodes.objectNode().put("x-genesys-type", "String"), "1e400"));
    assertEquals(
        Optional.empty(), LiteralFit.outOfRange(nodes.objectNode().put("type", "string"), "1e400"));

    FileReport r =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "workflow",
                    "              inputs:\n                Common.userId: {exp: Call.Ani}\n"
                        + "                Common.limit: {lit: 99999999999999999999}\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("call-input-type 11:17"), found(r));
    assertTrue(
        r.diagnostics().get(0).message().contains("is above the input's maximum 999999999999999"),
        r.diagnostics().get(0).message());
  }

  /** A literal is one scalar value, and a binding gives one value: anything else is a finding. */
  @Test
  void aNonScalarLiteralOrABindingOfTwoValuesIsACallInputTypeError() throws Exception {
    String module =
        MODULE.replace(
            "    - booleanVariable:\n        name: Common.found",
            "    - booleanVariable:\n        name: Common.flag\n        isInput: true\n"
                + "    - durationVariable:\n        name: Common.wait\n        isInput: true\n"
                + "    - booleanVariable:\n        name: Common.found");
    FileReport r =
        checker(module, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "workflow",
                    "              inputs:\n"
                        + "                Common.userId: {lit: {a: 1}}\n"
                        + "                Common.limit: {lit: [1]}\n"
                        + "                Common.flag: {lit: {a: 1}}\n"
                        + "                Common.wait: {lit: {seconds: 5}}\n"
                        + "                Common.nope: {lit: 5, exp: Flow.x}\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(
        List.of(
            "call-input-type 10:17",
            "call-input-type 11:17",
            "call-input-type 12:17",
            "call-unknown-input 14:17",
            "call-input-type 14:17"),
        found(r),
        "a Duration's mapping literal is Archy's own form; the unknown input is ambiguous too");
    assertTrue(r.diagnostics().get(0).message().contains("a mapping"), r.diagnostics().toString());
    assertTrue(r.diagnostics().get(1).message().contains("a list"), r.diagnostics().toString());
    FileReport both =
        checker(MODULE, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "workflow",
                    "              inputs:\n"
                        + "                Common.userId: {exp: Call.Ani}\n"
                        + "                Common.limit: {lit: 5, exp: Flow.x}\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("call-input-type 11:17"), found(both));
    assertTrue(
        both.diagnostics().get(0).message().contains("both lit and exp"),
        both.diagnostics().get(0).message());
  }

  /** A nullable data action property is the type of its values, whichever order it lists them. */
  @Test
  void aNullableContractTypeIsJudgedAsItsValuesType() {
    var nodes = JsonNodeFactory.instance;
    for (String[] order : new String[][] {{"null", "number"}, {"number", "null"}}) {
      var schema = nodes.objectNode();
      schema.putArray("type").add(order[0]).add(order[1]);
      assertEquals(
          Optional.of("Decimal"), LiteralFit.misfit(schema, "soon"), String.join(",", order));
      assertEquals(Optional.of("Decimal"), LiteralFit.scalarType(schema), String.join(",", order));
    }
  }

  @Test
  void fileKindsDecideByNameAndContent() {
    assertEquals(FileKinds.Kind.FLOW_EXPORT, FileKinds.of("x/Main.i3InboundFlow", "AAAA"));
    assertEquals(
        FileKinds.Kind.FLOW_EXPORT, FileKinds.of("InQueue_v2-0.i3InQueueFlow.i3flow", "AAAA"));
    assertEquals(
        FileKinds.Kind.FLOW_YAML, FileKinds.of("a.yaml", "# comment\n\ninboundCall:\n  name: X\n"));
    assertEquals(
        FileKinds.Kind.FLOW_YAML, FileKinds.of("a.yml", "\uFEFFworkflow:\r\n  name: X\r\n"));
    assertEquals(FileKinds.Kind.SKIP, FileKinds.of("flowlint.yaml", "schemas: schemas\n"));
    assertEquals(
        FileKinds.Kind.SKIP, FileKinds.of(".github/workflows/ci.yml", "name: CI\non: push\n"));
    assertEquals(FileKinds.Kind.PAYLOAD, FileKinds.of("p.json", "{}"));
    assertEquals(FileKinds.Kind.PAYLOAD, FileKinds.of("<stdin>", "workflow:\n"));
    assertTrue(FileKinds.isFlowFileName("Resolve Contact.i3CommonModuleFlow"));
  }

  private static String bots(String... entities) {
    return "{\"entities\": [" + String.join(", ", entities) + "]}";
  }

  private static String bot(String id, String type, String slot) {
    return "{\"id\": \""
        + id
        + "-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"name\": \"Helper\", \"type\": \""
        + type
        + "\", \"inputSchema\": {\"type\": \"object\", \"properties\": {\""
        + slot
        + "\": {\"type\": \"string\"}}}}";
  }

  private static final String BOT_CALLER =
      """
      inboundShortMessage:
        name: Caller
        actions:
          - callBotFlow:
              name: Ask
              botFlow:
                Helper:
                  ver_latestPublished:
                    inputs:
                      Slot.y:
                        exp: Message.Message.body
      """;

  private FileReport checkBotCaller(String listing) throws Exception {
    Path dir = tmp.resolve("s" + System.nanoTime());
    List<Definition> defs =
        new ArrayList<>(new FlowSources().read(new SourceText("flows/bots.json", listing)));
    new SchemaImporter(RequiredPolicy.NO_DEFAULT).write(dir, dir.toString(), defs, List.of());
    return new CallSiteChecker(SchemaStore.open(dir, dir.toString()), Config.EMPTY)
        .check("flows/caller.yaml", BOT_CALLER, FileKinds.Kind.FLOW_YAML);
  }

  /** Call Bot Flow calls a bot flow; a digital bot of the same name has its own action. */
  @Test
  void callBotFlowPicksTheBotWhenADigitalBotSharesItsName() throws Exception {
    FileReport r =
        checkBotCaller(
            bots(bot("aaaaaaaa", "BOT", "Slot.x"), bot("bbbbbbbb", "DIGITALBOT", "Slot.y")));
    assertEquals(List.of("call-unknown-input 10:17"), found(r), r.diagnostics().toString());
    // A lone digital bot is still found by the same action.
    FileReport alone = checkBotCaller(bots(bot("bbbbbbbb", "DIGITALBOT", "Slot.y")));
    assertEquals(List.of(), found(alone), alone.diagnostics().toString());
  }

  /**
   * Still ambiguous (an index listing two bots of one name, as no import writes but a hand edit
   * can): a finding at the call naming both, never an aborted run.
   */
  @Test
  void anAmbiguousCalleeIsAFindingAtTheCall() throws Exception {
    Path dir = tmp.resolve("s" + System.nanoTime());
    List<Definition> defs =
        new ArrayList<>(
            new FlowSources()
                .read(new SourceText("flows/bots.json", bots(bot("aaaaaaaa", "BOT", "Slot.y")))));
    new SchemaImporter(RequiredPolicy.NO_DEFAULT).write(dir, dir.toString(), defs, List.of());
    Path index = dir.resolve("index.json");
    String text = Files.readString(index);
    String entry = text.substring(text.indexOf("    {"), text.indexOf("    }") + 5);
    Files.writeString(
        index, text.replace(entry, entry + ",\n" + entry.replace("aaaaaaaa", "bbbbbbbb")));
    FileReport r =
        new CallSiteChecker(SchemaStore.open(dir, dir.toString()), Config.EMPTY)
            .check("flows/caller.yaml", BOT_CALLER, FileKinds.Kind.FLOW_YAML);
    assertEquals(List.of("call-unknown-callee 7:11"), found(r), r.diagnostics().toString());
    String message = r.diagnostics().get(0).message();
    assertTrue(message.contains("aaaaaaaa") && message.contains("bbbbbbbb"), message);
  }

  /**
   * Archy writes a DateTime literal as a mapping of its fields (the only date literals in the
   * corpus, seven DateTimes of a dateTimeCollection in one Archy export, are {year, month, day,
   * hour, minute, second}), so a mapping bound to a Date, DateTime or Time input is not a misfit;
   * no scalar form of these literals is known, so they are not judged (docs/rules.md).
   */
  @Test
  void archysMappingFormOfADateTimeLiteralIsNotAFinding() throws Exception {
    String module =
        MODULE.replace(
            "    - booleanVariable:\n        name: Common.found",
            "    - dateTimeVariable:\n        name: Common.when\n        isInput: true\n"
                + "    - dateVariable:\n        name: Common.day\n        isInput: true\n"
                + "    - timeVariable:\n        name: Common.at\n        isInput: true\n"
                + "    - booleanVariable:\n        name: Common.found");
    FileReport r =
        checker(module, Config.EMPTY)
            .check(
                "caller.yaml",
                caller(
                    "workflow",
                    "              inputs:\n"
                        + "                Common.userId: {exp: Call.Ani}\n"
                        + "                Common.when:\n"
                        + "                  lit: {year: 2023, month: 8, day: 2, hour: 0, minute: 0,"
                        + " second: 0}\n"
                        + "                Common.day: {lit: {year: 2023, month: 8, day: 2}}\n"
                        + "                Common.at: {lit: {hour: 9, minute: 30, second: 0}}\n"
                        + "                Common.limit: {lit: {a: 1}}\n"),
                FileKinds.Kind.FLOW_YAML);
    assertEquals(
        List.of("call-input-type 15:17"),
        found(r),
        "only the mapping bound to the Integer is a misfit: " + r.diagnostics());
  }
}
