package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.DuplicateKeys;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.Quoting;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnoses one payload: reads it, picks its envelope and flow, and runs the rules. One instance
 * serves a whole run, so schemas are read and compiled once.
 */
public final class PayloadChecker {

  private final SchemaStore store;
  private final Config config;
  private final SchemaEngine engine;
  private final InputsChecker inputs;
  private final FlowResolver resolver;
  private final LaunchRules launch;
  private final SharedFlowRules shared;
  private int depth; // a data action's request body is checked inside its export's check
  private final DataActionLinter dataActions =
      new DataActionLinter(new TemplateLinter(this::launchBody));

  public PayloadChecker(SchemaStore store, Config config) {
    this(store, config, SchemaEngine.Route.SUBSET_FIRST);
  }

  /** With the schema engine's route chosen: tests compare the fast path with networknt alone. */
  PayloadChecker(SchemaStore store, Config config, SchemaEngine.Route route) {
    this.store = store;
    this.engine = new SchemaEngine(route);
    this.inputs = new InputsChecker(engine);
    this.config = config;
    this.resolver = new FlowResolver(store, config);
    this.launch = new LaunchRules(store, config, inputs, resolver);
    this.shared = new SharedFlowRules(config, inputs, resolver);
  }

  public FileReport check(String path, String text, Target target) throws StoreException {
    return check(path, text, TemplateJsonParser.parse(text), target);
  }

  /** As {@link #check(String, String, Target)} with the text already parsed. */
  FileReport check(String path, String text, ParsedPayload parsed, Target target)
      throws StoreException {
    if (depth == 0) {
      engine.startPayload(); // one allowance for the patterns of the whole file
    }
    depth++;
    try {
      return checkParsed(path, text, parsed, target);
    } finally {
      depth--;
    }
  }

  private FileReport checkParsed(String path, String text, ParsedPayload parsed, Target target)
      throws StoreException {
    TextLines lines = parsed.lines();
    Findings findings = new Findings();
    if (parsed.error().isPresent()) {
      var e = parsed.error().get();
      findings.add(Rule.INVALID_JSON, e.message(), "", e.span());
      return report(path, Optional.empty(), Optional.empty(), findings, lines);
    }
    JsonValue root = parsed.root().orElseThrow();
    for (DuplicateKeys.Repeat r : DuplicateKeys.find(root)) {
      Span first = r.first().key().span();
      findings.add(
          Rule.DUPLICATE_KEY,
          "the key "
              + Quoting.quote(r.member().key().name())
              + " is repeated in this object (first at "
              + first.line()
              + ":"
              + first.column()
              + "); Genesys keeps only one of them",
          r.pointer(),
          r.member().key().span(),
          "remove one of the two members, or rename it");
    }
    if (!(root instanceof JObject obj)) {
      findings.add(
          Rule.FIELD_TYPE,
          "the payload must be a JSON object, got " + root.describe(),
          "",
          root.span());
      return report(path, Optional.empty(), Optional.empty(), findings, lines);
    }
    if (DataActionLinter.isExport(obj)
        || (target.envelope().isEmpty() && DataActionLinter.isContract(obj))) {
      // An export is plain JSON: read it again without template placeholders, so "$ref" is a key.
      ParsedPayload strict = TemplateJsonParser.parseStrict(text);
      JObject export =
          strict.root().filter(r -> r instanceof JObject).map(r -> (JObject) r).orElse(obj);
      Optional<String> action = dataActions.lint(export, target, lines, findings);
      return report(path, action, Optional.empty(), findings, lines);
    }
    Envelope envelope = target.envelope().orElse(null);
    if (envelope == null && target.flow().isPresent()) {
      Optional<FlowSchema> named;
      try {
        named = store.byNameOrId(target.flow().get());
      } catch (SchemaStore.AmbiguousFlow e) {
        named = Optional.empty(); // the detected envelope may pick one below
      }
      if (named.isPresent() && DataActionLinter.TYPE.equals(named.get().type())) {
        envelope = Envelope.DATA_ACTION;
      } else if (named.isPresent()) {
        // A body whose keys name no envelope ({} for a flow without required inputs, what
        // skeleton prints for an inbound flow) is read in the envelope the named flow is reached
        // through, as skeleton wrote it.
        envelope = EnvelopeDetector.decisive(obj).orElse(Skeleton.defaultEnvelope(named.get()));
      }
    }
    if (envelope == null) {
      envelope = EnvelopeDetector.detect(obj);
    }
    Optional<FlowSchema> flow =
        switch (envelope) {
          case FLOW_EXECUTION -> launch.check(obj, target, lines, findings);
          case SHARED_FLOW -> shared.check(obj, target, lines, findings);
          case INPUTS -> plainInputs(obj, target, lines, findings, envelope, "the inputs object");
          case DATA_ACTION ->
              plainInputs(obj, target, lines, findings, envelope, "the execute body");
        };
    if (flow.isPresent()) {
      limits(obj, envelope, flow.get(), findings);
    }
    ValueLimits.unterminatedPlaceholders(root, lines, text, findings);
    FileReport report =
        report(path, flow.map(FlowSchema::name), Optional.of(envelope.id()), findings, lines);
    return new FileReport(
        report.path(),
        report.flow(),
        report.envelope(),
        RenameConflicts.withdraw(root, report.diagnostics()),
        lines);
  }

  private FileReport report(
      String path,
      Optional<String> flow,
      Optional<String> envelope,
      Findings findings,
      TextLines lines) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : findings.list()) {
      Rule rule = d.rule();
      // A finding made below its rule's default (a convertible value) keeps that unless the config
      // names the rule.
      Optional<dev.flowlint.model.Severity> s =
          config.rules().containsKey(rule.id()) || d.severity() == rule.defaultSeverity()
              ? config.severity(rule)
              : Optional.of(d.severity());
      s.ifPresent(x -> out.add(d.withSeverity(x)));
    }
    out.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().start())
            .thenComparing(d -> d.rule().id()));
    return new FileReport(path, flow, envelope, FindingsCap.apply(out), lines);
  }

  private Optional<FlowSchema> plainInputs(
      JObject root,
      Target target,
      TextLines lines,
      Findings findings,
      Envelope envelope,
      String container)
      throws StoreException {
    Span rootSpan = root.opening(lines);
    Optional<FlowSchema> flow =
        resolver.resolve(target, Optional.empty(), rootSpan, findings, envelope);
    flow.ifPresent(
        f -> inputs.check(root, f, false, container, "", rootSpan, config, lines, findings));
    return flow;
  }

  /** Numbers beyond what Genesys takes, in whichever object holds the inputs for this envelope. */
  private static void limits(JObject root, Envelope envelope, FlowSchema flow, Findings findings) {
    switch (envelope) {
      case FLOW_EXECUTION ->
          root.member("inputData")
              .or(() -> root.member("inputs"))
              .filter(m -> m.value() instanceof JObject)
              .ifPresent(
                  m ->
                      ValueLimits.numbers(
                          (JObject) m.value(), flow, false, "/" + m.key().name(), findings));
      case SHARED_FLOW ->
          root.member("inputs")
              .filter(m -> m.value() instanceof JObject)
              .ifPresent(
                  m -> ValueLimits.numbers((JObject) m.value(), flow, true, "/inputs", findings));
      case INPUTS -> ValueLimits.numbers(root, flow, false, "", findings);
      case DATA_ACTION -> {} // a contract's integer is not an Architect Integer
    }
  }

  SchemaStore store() {
    return store;
  }

  /**
   * A data action's request body that launches a flow, checked as a launch when its flow is known.
   */
  private Optional<TemplateLinter.Launched> launchBody(
      String body, Optional<String> flowId, Target target) throws StoreException {
    Optional<FlowSchema> byId = flowId.isPresent() ? store.byId(flowId.get()) : Optional.empty();
    if (target.flow().isEmpty() && byId.isEmpty()) {
      return Optional.empty();
    }
    FileReport report = check("requestTemplate", body, target);
    Optional<FlowSchema> flow = byId;
    if (flow.isEmpty() && report.flow().isPresent()) {
      flow =
          store.byNameOrId(
              report.flow().get(), FlowKinds.reachedBy(Optional.of(Envelope.FLOW_EXECUTION)));
    }
    Map<String, String> types = new LinkedHashMap<>();
    if (flow.isPresent()) {
      for (String input : flow.get().inputs().keySet()) {
        types.put(input, flow.get().architectType(input));
      }
    }
    return Optional.of(new TemplateLinter.Launched(report, types));
  }
}
