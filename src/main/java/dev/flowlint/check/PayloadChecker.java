package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Span;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JNumber;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.Quoting;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.payload.TextLines;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Diagnoses one payload: reads it, picks its envelope and flow, and runs the rules. One instance
 * serves a whole run, so schemas are read and compiled once.
 */
public final class PayloadChecker {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final List<String> LAUNCH_FIELDS = List.of("flowId", "flowVersion", "name", "inputData");
  private static final List<String> SHARED_FIELDS = List.of("flowType", "inputs", "metadata");

  private final SchemaStore store;
  private final Config config;
  private final InputsChecker inputs = new InputsChecker(new TypeChecker());

  public PayloadChecker(SchemaStore store, Config config) {
    this.store = store;
    this.config = config;
  }

  public FileReport check(String path, String text, Target target) throws StoreException {
    ParsedPayload parsed = TemplateJsonParser.parse(text);
    TextLines lines = parsed.lines();
    Findings findings = new Findings();
    if (parsed.error().isPresent()) {
      var e = parsed.error().get();
      findings.add(Rule.INVALID_JSON, e.message(), "", e.span());
      return report(path, Optional.empty(), Optional.empty(), findings, lines);
    }
    JsonValue root = parsed.root().orElseThrow();
    if (!(root instanceof JObject obj)) {
      findings.add(Rule.FIELD_TYPE, "the payload must be a JSON object, got " + root.describe(), "", root.span());
      return report(path, Optional.empty(), Optional.empty(), findings, lines);
    }
    if (DataActionLinter.isExport(obj) || (target.envelope().isEmpty() && DataActionLinter.isContract(obj))) {
      // An export is plain JSON: read it again without template placeholders, so "$ref" is a key.
      ParsedPayload strict = TemplateJsonParser.parseStrict(text);
      JObject export = strict.root().filter(r -> r instanceof JObject).map(r -> (JObject) r).orElse(obj);
      Optional<String> action = new DataActionLinter(new TemplateLinter(this)).lint(export, target, lines, findings);
      return report(path, action, Optional.empty(), findings, lines);
    }
    Envelope envelope = target.envelope().orElse(null);
    if (envelope == null && target.flow().isPresent()) {
      Optional<FlowSchema> named = store.byNameOrId(target.flow().get());
      if (named.isPresent() && DataActionLinter.TYPE.equals(named.get().type())) {
        envelope = Envelope.DATA_ACTION;
      }
    }
    if (envelope == null) {
      envelope = EnvelopeDetector.detect(obj);
    }
    Optional<FlowSchema> flow = switch (envelope) {
      case FLOW_EXECUTION -> execution(obj, target, lines, findings);
      case SHARED_FLOW -> shared(obj, target, lines, findings);
      case INPUTS -> plainInputs(obj, target, lines, findings, "the inputs object");
      case DATA_ACTION -> plainInputs(obj, target, lines, findings, "the execute body");
    };
    return report(path, flow.map(FlowSchema::name), Optional.of(envelope.id()), findings, lines);
  }

  private FileReport report(String path, Optional<String> flow, Optional<String> envelope, Findings findings, TextLines lines) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : findings.list()) {
      Rule rule = Rule.byId(d.rule()).orElseThrow();
      config.severity(rule).ifPresent(s -> out.add(d.withSeverity(s)));
    }
    out.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()).thenComparing(Diagnostic::rule));
    return new FileReport(path, flow, envelope, out, lines);
  }

  // --- flow-execution: the real launch body ---------------------------------------------------

  private Optional<FlowSchema> execution(JObject root, Target target, TextLines lines, Findings findings) throws StoreException {
    Span rootSpan = opening(root, lines);
    for (Member m : root.members()) {
      if (m.key().placeholder() || LAUNCH_FIELDS.contains(m.key().name())) {
        continue;
      }
      String name = m.key().name();
      String ptr = "/" + Quoting.pointerToken(name);
      switch (name) {
        case "flowType" -> findings.add(Rule.UNKNOWN_FIELD,
            "the launch API has no flowType field: the flow's type comes from flowId", ptr, m.key().span(),
            Optional.of(MemberEdits.remove(lines, root, m, "remove flowType")),
            List.of("POST /api/v2/flows/executions takes only flowId, flowVersion, name and inputData"));
        case "inputs" -> findings.add(Rule.UNKNOWN_FIELD,
            "the launch API has no \"inputs\" field; did you mean \"inputData\"?", ptr, m.key().span(),
            root.member("inputData").isEmpty() ? Optional.of(MemberEdits.rename(m, "inputData")) : Optional.empty(),
            List.of("inputs go in inputData, keyed by their scoped names: {\"inputData\": {\"Flow.x\": ...}}"));
        case "metadata", "correlationId" -> findings.add(Rule.UNKNOWN_FIELD,
            "the launch API has no " + name + " field: Genesys drops it", ptr, m.key().span(), Optional.empty(),
            List.of("to trace a run, put your correlation id in the execution's \"name\", which shows on the execution"));
        default -> {
          List<String> c = Suggester.suggest(name, LAUNCH_FIELDS);
          findings.add(Rule.UNKNOWN_FIELD, "the launch API has no " + Quoting.quote(name) + " field"
                  + InputsChecker.didYouMean(c), ptr, m.key().span(),
              c.size() == 1 && root.member(c.get(0)).isEmpty() ? Optional.of(MemberEdits.rename(m, c.get(0))) : Optional.empty(),
              List.of("POST /api/v2/flows/executions takes only flowId, flowVersion, name and inputData"));
        }
      }
    }
    Optional<Member> flowId = root.member("flowId");
    if (flowId.isEmpty()) {
      findings.add(Rule.MISSING_FIELD, "the launch body has no flowId", "", rootSpan,
          "flowId is required: the UUID of the flow to launch");
    } else {
      checkFlowId(flowId.get(), findings);
    }
    root.member("flowVersion").ifPresent(m -> {
      if (m.value() instanceof JNumber n) {
        findings.add(Rule.FIELD_TYPE, "flowVersion must be a string such as \"" + n.text() + "\", got " + n.describe(),
            "/flowVersion", n.span(), Optional.of(new Fix(Quoting.quote(n.text()), "quote the version", n.span())),
            List.of("omit flowVersion to run the latest published version"));
      } else if (!(m.value() instanceof JString) && !(m.value() instanceof JPlaceholder)) {
        findings.add(Rule.FIELD_TYPE, "flowVersion must be a string such as \"2.0\", got " + m.value().describe(),
            "/flowVersion", m.value().span());
      }
    });
    root.member("name").ifPresent(m -> {
      if (!(m.value() instanceof JString) && !(m.value() instanceof JPlaceholder)) {
        findings.add(Rule.FIELD_TYPE, "name must be a string, got " + m.value().describe(), "/name", m.value().span());
      }
    });
    Optional<Member> inputData = root.member("inputData");
    inputData.ifPresent(m -> {
      if (!(m.value() instanceof JObject) && !(m.value() instanceof JPlaceholder)) {
        findings.add(Rule.FIELD_TYPE, "inputData must be an object of scoped input names to values, got "
            + m.value().describe(), "/inputData", m.value().span());
      }
    });

    Optional<FlowSchema> flow = resolve(target, flowId.map(Member::value), rootSpan, findings);
    if (flow.isEmpty()) {
      return flow;
    }
    FlowSchema f = flow.get();
    if (!"workflow".equals(f.type())) {
      findings.add(Rule.FLOW_TYPE_MISMATCH, "flow " + Quoting.quote(f.name()) + " is " + article(f.type())
              + " flow: POST /api/v2/flows/executions launches workflows", "/flowId",
          flowId.map(m -> m.value().span()).orElse(rootSpan), Optional.empty(), List.of(notLaunchable(f)));
    }
    if (inputData.isPresent() && inputData.get().value() instanceof JObject data) {
      inputs.check(data, f, false, "inputData", "/inputData", inputData.get().key().span(), config, lines, findings);
    } else if (inputData.isEmpty() && root.member("inputs").isPresent() && root.member("inputs").get().value() instanceof JObject meant) {
      // Check what was surely meant as inputData, so the rename fix is not the only news.
      inputs.check(meant, f, false, "inputs", "/inputs", root.member("inputs").get().key().span(), config, lines, findings);
    } else if (inputData.isEmpty()) {
      inputs.check(new JObject(List.of(), rootSpan), f, false, "the launch body (no inputData)", "", rootSpan, config, lines, findings);
    }
    return flow;
  }

  private void checkFlowId(Member m, Findings findings) throws StoreException {
    JsonValue v = m.value();
    if (v instanceof JPlaceholder) {
      return;
    }
    if (!(v instanceof JString s)) {
      findings.add(Rule.FIELD_TYPE, "flowId must be the flow's UUID as a string, got " + v.describe(), "/flowId", v.span());
      return;
    }
    if (!UUID.matcher(s.value()).matches()) {
      Optional<FlowSchema> named = store.byName(s.value());
      Optional<Fix> fix = named.flatMap(FlowSchema::id)
          .map(id -> new Fix(Quoting.quote(id), "use the id of " + named.get().name(), v.span()));
      findings.add(Rule.FIELD_TYPE, "flowId must be the flow's UUID, got " + v.describe(), "/flowId", v.span(), fix,
          named.isPresent() ? List.of("that is the name of flow " + Quoting.quote(named.get().name())
              + (named.get().id().isPresent() ? "; its id is " + named.get().id().get() : "; run 'flowlint pull' to learn its id"))
              : List.of());
    }
  }

  // --- shared-flow: the gateway shape {flowType, inputs, metadata} ----------------------------

  private Optional<FlowSchema> shared(JObject root, Target target, TextLines lines, Findings findings) throws StoreException {
    Span rootSpan = opening(root, lines);
    for (Member m : root.members()) {
      if (m.key().placeholder() || SHARED_FIELDS.contains(m.key().name())) {
        continue;
      }
      List<String> c = Suggester.suggest(m.key().name(), SHARED_FIELDS);
      findings.add(Rule.UNKNOWN_FIELD, "a shared-flow request has no " + Quoting.quote(m.key().name()) + " field"
              + InputsChecker.didYouMean(c), "/" + Quoting.pointerToken(m.key().name()), m.key().span(),
          c.size() == 1 && root.member(c.get(0)).isEmpty() ? Optional.of(MemberEdits.rename(m, c.get(0))) : Optional.empty(),
          List.of("its fields are flowType, inputs and metadata"));
    }
    Optional<Member> flowType = root.member("flowType");
    if (flowType.isEmpty()) {
      findings.add(Rule.MISSING_FIELD, "a shared-flow request needs \"flowType\": \"shared\"", "", rootSpan);
    } else if (flowType.get().value() instanceof JString s && !s.value().equals("shared")) {
      findings.add(Rule.FLOW_TYPE_MISMATCH, "flowType must be \"shared\" to call a common module, got " + s.describe(),
          "/flowType", s.span(), Optional.of(new Fix("\"shared\"", "set flowType to \"shared\"", s.span())), List.of());
    } else if (!(flowType.get().value() instanceof JString) && !(flowType.get().value() instanceof JPlaceholder)) {
      findings.add(Rule.FIELD_TYPE, "flowType must be the string \"shared\", got " + flowType.get().value().describe(),
          "/flowType", flowType.get().value().span());
    }
    Optional<Member> in = root.member("inputs");
    in.ifPresent(m -> {
      if (!(m.value() instanceof JObject) && !(m.value() instanceof JPlaceholder)) {
        findings.add(Rule.FIELD_TYPE, "inputs must be an object of input names to values, got " + m.value().describe(),
            "/inputs", m.value().span());
      }
    });
    Optional<Member> metadata = root.member("metadata");
    boolean correlated = metadata.map(m -> m.value() instanceof JPlaceholder
        || (m.value() instanceof JObject o && (o.member("correlationId").isPresent() || o.hasPlaceholderKeys()))).orElse(false);
    if (!correlated) {
      findings.add(Rule.MISSING_CORRELATION_ID, "no metadata.correlationId: requests through the gateway cannot be traced",
          metadata.isPresent() ? "/metadata" : "", metadata.map(m -> m.key().span()).orElse(rootSpan),
          "add \"metadata\": {\"correlationId\": \"{{ guid() }}\"}");
    }

    Optional<FlowSchema> flow = resolve(target, Optional.empty(), rootSpan, findings);
    if (flow.isEmpty()) {
      return flow;
    }
    FlowSchema f = flow.get();
    if (!"commonmodule".equals(f.type())) {
      Span at = flowType.map(m -> m.value().span()).orElse(rootSpan);
      findings.add(Rule.FLOW_TYPE_MISMATCH, "a shared-flow request calls a common module, but " + Quoting.quote(f.name())
              + " is " + article(f.type()) + ("workflow".equals(f.type()) ? "" : " flow"), flowType.isPresent() ? "/flowType" : "", at, Optional.empty(),
          "workflow".equals(f.type())
              ? List.of("launch a workflow with POST /api/v2/flows/executions and this body:",
                  LaunchBody.suggest(f, root, lines))
              : List.of(notLaunchable(f)));
    }
    if (in.isPresent() && in.get().value() instanceof JObject data) {
      inputs.check(data, f, true, "inputs", "/inputs", in.get().key().span(), config, lines, findings);
    } else if (in.isEmpty()) {
      inputs.check(new JObject(List.of(), rootSpan), f, true, "the request (no inputs)", "", rootSpan, config, lines, findings);
    }
    return flow;
  }

  // --- inputs: the inputs object alone --------------------------------------------------------

  private Optional<FlowSchema> plainInputs(JObject root, Target target, TextLines lines, Findings findings, String container)
      throws StoreException {
    Span rootSpan = opening(root, lines);
    Optional<FlowSchema> flow = resolve(target, Optional.empty(), rootSpan, findings);
    flow.ifPresent(f -> inputs.check(root, f, false, container, "", rootSpan, config, lines, findings));
    return flow;
  }

  SchemaStore store() {
    return store;
  }

  // --- which flow ------------------------------------------------------------------------------

  private Optional<FlowSchema> resolve(Target target, Optional<JsonValue> flowId, Span rootSpan, Findings findings) throws StoreException {
    List<String> tried = new ArrayList<>();
    if (target.flow().isPresent()) {
      Optional<FlowSchema> f = store.byNameOrId(target.flow().get());
      if (f.isPresent()) {
        return f;
      }
      List<String> close = closeNames(target.flow().get());
      findings.add(Rule.UNKNOWN_FLOW, "no schema for flow " + Quoting.quote(target.flow().get()) + " (from " + target.flowFrom() + ")"
              + InputsChecker.didYouMean(close), "", rootSpan, Optional.empty(),
          List.of("known flows: " + knownFlows() + "; import or pull the flow's definition first"));
      return Optional.empty();
    }
    tried.add("--flow (not given)");
    Span at = rootSpan;
    String ptr = "";
    if (flowId.isPresent() && flowId.get() instanceof JString s) {
      Optional<FlowSchema> f = store.byId(s.value());
      if (f.isPresent()) {
        return f;
      }
      Optional<FlowSchema> byName = UUID.matcher(s.value()).matches() ? Optional.empty() : store.byName(s.value());
      if (byName.isPresent()) {
        return byName; // field-type already says flowId must be the id
      }
      tried.add("flowId " + Quoting.quote(s.value()) + " (not in the schemas index)");
      at = s.span();
      ptr = "/flowId";
      if (!UUID.matcher(s.value()).matches()) {
        List<String> close = closeNames(s.value());
        if (!close.isEmpty()) {
          tried.set(tried.size() - 1, tried.get(tried.size() - 1) + InputsChecker.didYouMean(close).replaceFirst("^; ", ": "));
        }
      }
    } else if (flowId.isPresent()) {
      tried.add("flowId (a placeholder, known only when rendered)");
    }
    tried.add(config.payloads().isEmpty() ? "flowlint.yaml payloads (none configured)" : "flowlint.yaml payloads (no pattern matches this file)");
    findings.add(Rule.UNKNOWN_FLOW, "cannot tell which flow this payload is for: tried " + String.join(", ", tried),
        ptr, at, Optional.empty(), List.of("name the flow with --flow NAME|ID, or map the file in flowlint.yaml: "
            + "payloads: [{files: \"GLOB\", flow: \"NAME\"}]", "known flows: " + knownFlows()));
    return Optional.empty();
  }

  private List<String> closeNames(String name) {
    List<String> names = store.entries().stream().map(SchemaIndex.Entry::flowName).toList();
    return Suggester.suggest(name, names);
  }

  private String knownFlows() {
    List<String> names = store.entries().stream().map(SchemaIndex.Entry::flowName).toList();
    return names.size() > 8 ? String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more" : String.join(", ", names);
  }

  private static Span opening(JObject root, TextLines lines) {
    return lines.span(root.span().start(), root.span().start() + 1);
  }

  /** "a workflow", "an inboundcall" (followed by " flow" where the caller says so). */
  private static String article(String type) {
    String t = type.isEmpty() ? "unknown" : type;
    return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
  }

  private static final Set<String> INTERACTION_FLOWS = Set.of("inboundcall", "inboundemail", "inboundchat",
      "inboundshortmessage", "inqueuecall", "inqueueemail", "inqueueshortmessage", "outboundcall", "securecall",
      "bot", "digitalbot", "voicemail", "voicesurvey", "surveyinvite", "workitem");

  private static String notLaunchable(FlowSchema f) {
    if ("commonmodule".equals(f.type())) {
      return "a common module is called from other flows (Call Common Module) or through a gateway's shared-flow request: "
          + "{\"flowType\": \"shared\", \"inputs\": {...}} with bare input names";
    }
    if (INTERACTION_FLOWS.contains(f.type())) {
      return "a " + f.type() + " flow is started by its interaction (a call, message, email ...), not by the launch API";
    }
    return "only workflows are documented as launchable by POST /api/v2/flows/executions";
  }
}
