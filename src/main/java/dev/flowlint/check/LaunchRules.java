package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JNumber;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The flow-execution envelope: the real launch body {flowId, flowVersion, name, inputData}. */
final class LaunchRules {
  private static final List<String> LAUNCH_FIELDS =
      List.of("flowId", "flowVersion", "name", "inputData");
  private final SchemaStore store;
  private final Config config;
  private final InputsChecker inputs;
  private final FlowResolver resolver;

  LaunchRules(SchemaStore store, Config config, InputsChecker inputs, FlowResolver resolver) {
    this.store = store;
    this.config = config;
    this.inputs = inputs;
    this.resolver = resolver;
  }

  Optional<FlowSchema> check(JObject root, Target target, TextLines lines, Findings findings)
      throws StoreException {
    Span rootSpan = root.opening(lines);
    for (Member m : root.members()) {
      if (m.key().placeholder() || LAUNCH_FIELDS.contains(m.key().name())) {
        continue;
      }
      String name = m.key().name();
      String ptr = "/" + Quoting.pointerToken(name);
      switch (name) {
        case "flowType" ->
            findings.add(
                Rule.UNKNOWN_FIELD,
                "the launch API has no flowType field: the flow's type comes from flowId",
                ptr,
                m.key().span(),
                Optional.of(MemberEdits.remove(lines, root, m, "remove flowType")),
                List.of(
                    "POST /api/v2/flows/executions takes only flowId, flowVersion, name and inputData"));
        case "inputs" ->
            findings.add(
                Rule.UNKNOWN_FIELD,
                "the launch API has no \"inputs\" field; did you mean \"inputData\"?",
                ptr,
                m.key().span(),
                root.member("inputData").isEmpty()
                    ? Optional.of(MemberEdits.rename(m, "inputData"))
                    : Optional.empty(),
                List.of(
                    "inputs go in inputData, keyed by their scoped names: {\"inputData\": {\"Flow.x\": ...}}"));
        case "metadata", "correlationId" ->
            findings.add(
                Rule.UNKNOWN_FIELD,
                "the launch API has no " + name + " field: Genesys drops it",
                ptr,
                m.key().span(),
                Optional.empty(),
                List.of(
                    "to trace a run, put your correlation id in the execution's \"name\", which shows on the execution"));
        default -> {
          List<String> c = Suggester.suggest(name, LAUNCH_FIELDS);
          findings.add(
              Rule.UNKNOWN_FIELD,
              "the launch API has no "
                  + Quoting.quote(name)
                  + " field"
                  + InputsChecker.didYouMean(c),
              ptr,
              m.key().span(),
              c.size() == 1 && root.member(c.get(0)).isEmpty()
                  ? Optional.of(MemberEdits.rename(m, c.get(0)))
                  : Optional.empty(),
              List.of(
                  "POST /api/v2/flows/executions takes only flowId, flowVersion, name and inputData"));
        }
      }
    }
    Optional<Member> flowId = root.member("flowId");
    if (flowId.isEmpty()) {
      findings.add(
          Rule.MISSING_FIELD,
          "the launch body has no flowId",
          "",
          rootSpan,
          "flowId is required: the UUID of the flow to launch");
    } else {
      checkFlowId(flowId.get(), findings);
    }
    root.member("flowVersion")
        .ifPresent(
            m -> {
              if (m.value() instanceof JNumber n) {
                findings.add(
                    Rule.FIELD_TYPE,
                    "flowVersion must be a string such as \""
                        + n.text()
                        + "\", got "
                        + n.describe(),
                    "/flowVersion",
                    n.span(),
                    Optional.of(new Fix(Quoting.quote(n.text()), "quote the version", n.span())),
                    List.of("omit flowVersion to run the latest published version"));
              } else if (m.value() instanceof JString s) {
                ValueLimits.flowVersion(s, findings);
              } else if (!(m.value() instanceof JPlaceholder)) {
                findings.add(
                    Rule.FIELD_TYPE,
                    "flowVersion must be a string such as \"2.0\", got " + m.value().describe(),
                    "/flowVersion",
                    m.value().span());
              }
            });
    root.member("name")
        .ifPresent(
            m -> {
              if (!(m.value() instanceof JString) && !(m.value() instanceof JPlaceholder)) {
                findings.add(
                    Rule.FIELD_TYPE,
                    "name must be a string, got " + m.value().describe(),
                    "/name",
                    m.value().span());
              }
            });
    Optional<Member> inputData = root.member("inputData");
    inputData.ifPresent(
        m -> {
          if (!(m.value() instanceof JObject) && !(m.value() instanceof JPlaceholder)) {
            findings.add(
                Rule.FIELD_TYPE,
                "inputData must be an object of scoped input names to values, got "
                    + m.value().describe(),
                "/inputData",
                m.value().span());
          }
        });

    Optional<FlowSchema> flow =
        resolver.resolve(
            target, flowId.map(Member::value), rootSpan, findings, Envelope.FLOW_EXECUTION);
    if (flow.isEmpty()) {
      return flow;
    }
    FlowSchema f = flow.get();
    if (!"workflow".equals(f.type())) {
      // A type known not to be launchable is an error; one flowlint does not know is a warning, not
      // silence.
      boolean known = FlowKinds.knownNotLaunchable(f.type());
      findings.add(
          Rule.FLOW_TYPE_MISMATCH,
          known ? dev.flowlint.model.Severity.ERROR : dev.flowlint.model.Severity.WARNING,
          "flow "
              + Quoting.quote(f.name())
              + " is "
              + FlowKinds.article(f.type())
              + " flow: POST /api/v2/flows/executions launches workflows",
          "/flowId",
          flowId.map(m -> m.value().span()).orElse(rootSpan),
          Optional.empty(),
          List.of(FlowKinds.notLaunchable(f)));
    }
    root.member("flowVersion")
        .filter(m -> m.value() instanceof JString)
        .ifPresent(m -> version((JString) m.value(), f, findings));
    if (inputData.isPresent() && inputData.get().value() instanceof JObject data) {
      inputs.check(
          data,
          f,
          false,
          "inputData",
          "/inputData",
          inputData.get().key().span(),
          config,
          lines,
          findings);
    } else if (inputData.isEmpty()
        && root.member("inputs").isPresent()
        && root.member("inputs").get().value() instanceof JObject meant) {
      // Check what was surely meant as inputData, so the rename fix is not the only news.
      inputs.check(
          meant,
          f,
          false,
          "inputs",
          "/inputs",
          root.member("inputs").get().key().span(),
          config,
          lines,
          findings);
    } else if (inputData.isEmpty()) {
      inputs.check(
          new JObject(List.of(), rootSpan),
          f,
          false,
          "the launch body (no inputData)",
          "",
          rootSpan,
          config,
          lines,
          findings);
    }
    return flow;
  }

  /**
   * A flowVersion other than the imported one: the schema may not describe the version that runs.
   */
  private static void version(JString given, FlowSchema f, Findings findings) {
    Optional<String> imported = f.version();
    if (imported.isEmpty() || sameVersion(given.value(), imported.get())) {
      return;
    }
    findings.add(
        Rule.FLOW_VERSION_MISMATCH,
        "flowVersion "
            + Quoting.quote(given.value())
            + " is not the version of "
            + Quoting.quote(f.name())
            + " flowlint checks against ("
            + imported.get()
            + ")",
        "/flowVersion",
        given.span(),
        Optional.empty(),
        List.of(
            "the inputs of version "
                + given.value()
                + " may differ; import that version's definition"
                + " or omit flowVersion to run the latest published one"));
  }

  private static final Pattern TRAILING_ZEROS = Pattern.compile("(\\.0)+$");

  /** "2" and "2.0" name one version. */
  static boolean sameVersion(String a, String b) {
    return TRAILING_ZEROS
        .matcher(a.strip())
        .replaceFirst("")
        .equals(TRAILING_ZEROS.matcher(b.strip()).replaceFirst(""));
  }

  private void checkFlowId(Member m, Findings findings) throws StoreException {
    JsonValue v = m.value();
    if (v instanceof JPlaceholder) {
      return;
    }
    if (!(v instanceof JString s)) {
      findings.add(
          Rule.FIELD_TYPE,
          "flowId must be the flow's UUID as a string, got " + v.describe(),
          "/flowId",
          v.span());
      return;
    }
    if (!FlowResolver.UUID.matcher(s.value()).matches()) {
      Optional<FlowSchema> named = launchableNamed(s.value());
      Optional<Fix> fix =
          named
              .flatMap(FlowSchema::id)
              .map(
                  id ->
                      new Fix(Quoting.quote(id), "use the id of " + named.get().name(), v.span()));
      findings.add(
          Rule.FIELD_TYPE,
          "flowId must be the flow's UUID, got " + v.describe(),
          "/flowId",
          v.span(),
          fix,
          named.isPresent()
              ? List.of(
                  "that is the name of flow "
                      + Quoting.quote(named.get().name())
                      + (named.get().id().isPresent()
                          ? "; its id is " + named.get().id().get()
                          : "; run 'flowlint pull' to learn its id"))
              : List.of());
    }
  }

  /** The launchable flow a name in flowId means, if one; several of that name offer no one id. */
  private Optional<FlowSchema> launchableNamed(String name) throws StoreException {
    try {
      return store.byName(name, FlowKinds.reachedBy(Optional.of(Envelope.FLOW_EXECUTION)));
    } catch (SchemaStore.AmbiguousFlow e) {
      return Optional.empty();
    }
  }
}
