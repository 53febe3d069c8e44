package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.model.CallLocation;
import dev.flowlint.model.CallSite;
import dev.flowlint.model.CallSite.Binding;
import dev.flowlint.model.CallSite.Kind;
import dev.flowlint.model.CallSite.ValueKind;
import dev.flowlint.model.FlowCalls;
import dev.flowlint.model.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Call sites read from Archy YAML (with exact key places) and from Architect exports. */
class CallSiteReadTest {

  private static FlowCalls yaml(String text) throws SourceException {
    return YamlCallSites.read(new SourceText("flows/caller.pass.yaml", text));
  }

  private static Span span(Binding b) {
    return ((CallLocation.YamlKey) b.at()).span();
  }

  @Test
  void readsAModuleCallWithItsBindingsAndTheirPlaces() throws Exception {
    FlowCalls calls = yaml(Files.readString(Path.of("fixtures/callers/caller.pass.yaml")));
    assertEquals("inboundcall", calls.flowType());
    assertEquals(
        "caller.pass", calls.flowName(), "a placeholder flow name gives way to the file name");
    CallSite module = calls.calls().get(0);
    assertEquals(Kind.MODULE, module.kind());
    assertEquals("{{common_module_name}}", module.callee());
    assertEquals(Optional.of("latestPublished"), module.version());
    assertEquals(
        List.of("Common.conversationId", "Common.identifierType", "Common.identifierValue"),
        module.inputs().stream().map(Binding::name).toList());
    assertEquals(
        List.of(ValueKind.EXP, ValueKind.LIT, ValueKind.EXP),
        module.inputs().stream().map(Binding::value).toList());
    assertEquals(Optional.of("Phone"), module.inputs().get(1).literal());
    Span s = span(module.inputs().get(0));
    assertEquals(25, s.line());
    assertEquals(23, s.column());
    assertEquals("Common.conversationId".length(), s.length());
    assertEquals(
        "/inboundCall/tasks/0/task/actions/0/callCommonModule/commonModule/{{common_module_name}}/ver_latestPublished/inputs/Common.conversationId",
        module.inputs().get(0).at().pointer());
    assertEquals(Optional.of("2"), calls.calls().get(1).version());
    assertEquals(ValueKind.NO_VALUE, calls.calls().get(1).outputs().get(1).value());
    CallSite data = calls.calls().get(2);
    assertEquals(Kind.DATA_ACTION, data.kind());
    assertEquals("Brian - Create placeholder callback", data.callee());
    assertEquals(
        List.of("conversation.id"),
        data.outputs().stream().map(Binding::name).toList(),
        "successOutputs only");
    assertEquals(
        Optional.of("{{queue_id}}"),
        data.inputs().get(0).literal(),
        "placeholders restored in literals");
    assertEquals(Kind.BOT_FLOW, calls.calls().get(3).kind());
    assertEquals(4, calls.calls().size());
  }

  /** A Secure Call Data Action binds a data action's inputs as Call Data Action does. */
  @Test
  void aSecureCallDataActionIsReadAsADataActionCall() throws Exception {
    String plain =
        """
        inboundCall:
          name: X
          actions:
            - callData:
                name: Create
                category:
                  PureCloud Data Actions:
                    dataAction:
                      Create callback:
                        inputs:
                          queueID: {lit: q}
                        successOutputs:
                          conversation.id: {var: Flow.id}
        """;
    CallSite expected = yaml(plain).calls().get(0);
    CallSite secure = yaml(plain.replace("callData:", "callDataSecure:")).calls().get(0);
    assertEquals(Kind.DATA_ACTION, secure.kind());
    assertEquals(expected.callee(), secure.callee());
    assertEquals(expected.inputs().get(0).literal(), secure.inputs().get(0).literal());
    assertEquals(
        expected.inputs().get(0).at().pointer().replace("callData", "callDataSecure"),
        secure.inputs().get(0).at().pointer());
    assertEquals(List.of("conversation.id"), secure.outputs().stream().map(Binding::name).toList());
    // An export names the action "SecureAction", as its defaultSettings do (corpus:
    // ResolveContact.i3CommonModuleFlow has "DataAction" and "SecureAction" side by side).
    String export =
        """
        {"name": "E", "type": "inboundcall", "flowSequenceItemList": [{"__type": "Task",
         "name": "Main", "trackingId": 1, "actionList": [{"__type": "SecureAction",
         "name": "Pay", "trackingId": 2, "actionName": "Take payment", "actionId": "a-1",
         "inputs": [{"name": "card", "value": {"config": {"lit": {"text": "x"}}}}],
         "outputs": []}]}]}
        """;
    FlowCalls calls =
        ExportCallSites.read(new SourceText("e.i3InboundFlow", ExportEncoding.encode(export)));
    assertEquals(1, calls.calls().size());
    assertEquals(Kind.DATA_ACTION, calls.calls().get(0).kind());
    assertEquals("Take payment", calls.calls().get(0).callee());
    assertEquals(Optional.of("a-1"), calls.calls().get(0).calleeId());
    assertEquals(Optional.of("x"), calls.calls().get(0).inputs().get(0).literal());
  }

  @Test
  void settingsDefaultsAreNotCallSites() throws Exception {
    String text =
        "inboundCall:\n  name: X\n  settingsActionDefaults:\n    callData:\n      processingPrompt:\n        noValue: true\n"
            + "    callDataSecure:\n      processingPrompt:\n        noValue: true\n";
    assertEquals(List.of(), yaml(text).calls());
  }

  /** Placeholders, quoting, CRLF, a BOM and characters beyond the BMP must not move any key. */
  @Test
  void keyPlacesSurviveWhatComesBeforeThemOnTheLine() throws Exception {
    Random random = new Random(13);
    String[] quotes = {"", "\"", "'"};
    String[] fillers = {"{{a}}", "{{ a_much_longer_placeholder_name }}", "\"😀 text\"", "x"};
    for (int i = 0; i < 200; i++) {
      String q = quotes[random.nextInt(quotes.length)];
      String filler = fillers[random.nextInt(fillers.length)];
      String nl = random.nextBoolean() ? "\r\n" : "\n";
      String bom = random.nextInt(4) == 0 ? "\uFEFF" : "";
      String key = q + "Common.userId" + q;
      String text =
          bom
              + "workflow:"
              + nl
              + "  name: {{flow_name}}"
              + nl
              + "  description: "
              + filler
              + nl
              + "  actions:"
              + nl
              + "    - callCommonModule:"
              + nl
              + "        name: Call"
              + nl
              + "        commonModule:"
              + nl
              + "          {{module}}:"
              + nl
              + "            ver_latestPublished:"
              + nl
              + "              inputs: {Common.a: {exp: "
              + filler
              + "}, "
              + key
              + ": {lit: "
              + filler
              + "}}"
              + nl;
      Binding b = yaml(text).calls().get(0).inputs().get(1);
      assertEquals("Common.userId", b.name());
      Span s = span(b);
      assertEquals(key, text.substring(s.start(), s.end()), text);
      assertEquals(10, s.line());
      int lineStart = text.lastIndexOf('\n', s.start()) + 1;
      assertEquals(s.start() - lineStart + 1, s.column(), "column in UTF-16 units: " + text);
    }
  }

  @Test
  void brokenYamlIsALocatedError() throws Exception {
    SourceException e = assertThrows(SourceException.class, () -> yaml("workflow:\n  name: [x\n"));
    assertTrue(e.line() > 0, e.getMessage());
    assertThrows(SourceException.class, () -> yaml("- a\n- b\n"));
    String deep = "workflow:\n  name: X\n  a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    SourceException tooDeep = assertThrows(SourceException.class, () -> yaml(deep));
    assertEquals("not valid YAML: nested too deeply", tooDeep.reason());
    // An alias that holds itself: read without looping.
    assertEquals(List.of(), yaml("workflow:\n  name: X\n  a: &x\n    - *x\n").calls());
  }

  @Test
  void readsAnExportsCallSitesWithActionStateAndTrackingId() throws Exception {
    Path file = Path.of("fixtures/callers/caller.fail.i3InboundEmailFlow");
    FlowCalls calls = ExportCallSites.read(new SourceText(file.toString(), Files.readString(file)));
    assertEquals("inboundemail", calls.flowType());
    assertEquals("Caller Export Fail", calls.flowName());
    assertEquals(5, calls.calls().size());
    CallSite resolve = calls.calls().get(1);
    assertEquals("Resolve Contact", resolve.callee());
    CallLocation.ExportAction at = (CallLocation.ExportAction) resolve.inputs().get(1).at();
    assertEquals("action \"Resolve the sender\" in task \"Main\", tracking id 3", at.describe());
    assertEquals("/flowSequenceItemList/0/actionList/1/inputs/1/name", at.pointer());
    assertEquals(ValueKind.NO_VALUE, resolve.inputs().get(2).value());
    assertEquals(Optional.of("Email"), resolve.inputs().get(1).literal());
    assertEquals(Kind.DATA_ACTION, calls.calls().get(2).kind());
    assertEquals(Optional.of("custom_-_4"), calls.calls().get(2).calleeId());
    assertEquals(Kind.BOT_FLOW, calls.calls().get(3).kind());
  }

  @Test
  void anExportsCopiesOfCalledModulesAreNotItsCallSites() throws Exception {
    Path file =
        Path.of(
            "src/test/corpus/architect-export/GenesysCloudBlueprints__merge-ephemeral-message-to-external-contact-blueprint__exports__MergeExternalContactMessageFlow.i3InboundMessage");
    FlowCalls calls = ExportCallSites.read(new SourceText(file.toString(), Files.readString(file)));
    assertEquals(
        List.of("Merge External Contact Bot", "Resolve Contact"),
        calls.calls().stream().map(CallSite::callee).toList());
    assertEquals(Optional.of("2.0"), calls.calls().get(1).version());
    assertEquals(
        Optional.of("38caf8a4-076b-4a3d-a302-eec7955465fc"), calls.calls().get(1).calleeId());
  }

  @Test
  void theCommittedExportFixturesAreTheirSourcesInTheExportEncoding() throws Exception {
    try (var files = Files.list(Path.of("fixtures/export-sources"))) {
      for (Path source : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        String name = source.getFileName().toString().replaceFirst("\\.json$", "");
        String encoded = Files.readString(Path.of("fixtures/callers", name));
        assertEquals(ExportEncoding.encode(Files.readString(source)), encoded, name);
      }
    }
  }

  @Test
  void aKeyWithAnAnchorOrATagIsPlacedAtTheKeyNotAtItsProperties() throws Exception {
    String text =
        """
        inboundCall:
          name: Caller
          states:
            - state:
                name: S
                actions:
                  - callCommonModule:
                      name: C
                      commonModule:
                        Resolve Contact:
                          ver_latestPublished:
                            inputs:
                              &a Common.conversationid: {exp: Call.ConversationId}
                              !!str Common.identifierTyp: {lit: Phone}
                              &b !!str 'Common.identifierValu': {exp: Call.Ani}
        """;
    List<Binding> in = yaml(text).calls().get(0).inputs();
    for (int i = 0; i < 3; i++) {
      Span s = span(in.get(i));
      String key = text.substring(s.start(), s.end());
      assertEquals(
          List.of("Common.conversationid", "Common.identifierTyp", "'Common.identifierValu'")
              .get(i),
          key);
    }
    assertEquals(26, span(in.get(0)).column());
  }

  @Test
  void mergeKeysBringInTheSharedBindingsAndThoseWrittenHereWin() throws Exception {
    String text =
        """
        inboundCall:
          name: Caller
          actions:
            - callCommonModule:
                name: First
                commonModule:
                  Resolve Contact:
                    ver_latestPublished:
                      inputs: &shared
                        Common.conversationId: {exp: Call.ConversationId}
                        Common.identifierType: {lit: Phone}
            - callCommonModule:
                name: Second
                commonModule:
                  Resolve Contact:
                    ver_latestPublished:
                      inputs:
                        <<: *shared
                        Common.identifierType: {lit: Email}
                        "<<": {lit: quoted is a key}
        """;
    List<Binding> in = yaml(text).calls().get(1).inputs();
    assertEquals(
        List.of("Common.identifierType", "<<", "Common.conversationId"),
        in.stream().map(Binding::name).toList());
    assertEquals(
        Optional.of("Email"),
        in.get(0).literal(),
        "the binding written here wins over the merged one");
    assertEquals(10, span(in.get(2)).line(), "a merged binding is placed where it is written");
  }
}
