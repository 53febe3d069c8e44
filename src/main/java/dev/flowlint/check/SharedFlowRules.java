package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.List;
import java.util.Optional;

/** The shared-flow envelope of gateways that front Genesys: {flowType, inputs, metadata}. */
final class SharedFlowRules {
  private static final List<String> SHARED_FIELDS = List.of("flowType", "inputs", "metadata");
  private final Config config;
  private final InputsChecker inputs;
  private final FlowResolver resolver;

  SharedFlowRules(Config config, InputsChecker inputs, FlowResolver resolver) {
    this.config = config;
    this.inputs = inputs;
    this.resolver = resolver;
  }

  Optional<FlowSchema> check(JObject root, Target target, TextLines lines, Findings findings)
      throws StoreException {
    Span rootSpan = root.opening(lines);
    for (Member m : root.members()) {
      if (m.key().placeholder() || SHARED_FIELDS.contains(m.key().name())) {
        continue;
      }
      List<String> c = Suggester.suggest(m.key().name(), SHARED_FIELDS);
      findings.add(
          Rule.UNKNOWN_FIELD,
          "a shared-flow request has no "
              + Quoting.quote(m.key().name())
              + " field"
              + InputsChecker.didYouMean(c),
          "/" + Quoting.pointerToken(m.key().name()),
          m.key().span(),
          c.size() == 1 && root.member(c.get(0)).isEmpty()
              ? Optional.of(MemberEdits.rename(m, c.get(0)))
              : Optional.empty(),
          List.of("its fields are flowType, inputs and metadata"));
    }
    Optional<Member> flowType = root.member("flowType");
    Optional<FlowSchema> flow =
        resolver.resolve(target, Optional.empty(), rootSpan, findings, Envelope.SHARED_FLOW);
    // A flow known not to be a common module gets one finding below, and no fix towards "shared".
    boolean notCommonModule = flow.isPresent() && !"commonmodule".equals(flow.get().type());
    if (flowType.isEmpty()) {
      findings.add(
          Rule.MISSING_FIELD, "a shared-flow request needs \"flowType\": \"shared\"", "", rootSpan);
    } else if (flowType.get().value() instanceof JString s && !s.value().equals("shared")) {
      if (!notCommonModule) {
        findings.add(
            Rule.FLOW_TYPE_MISMATCH,
            "flowType must be \"shared\" to call a common module, got " + s.describe(),
            "/flowType",
            s.span(),
            flow.isPresent()
                ? Optional.of(new Fix("\"shared\"", "set flowType to \"shared\"", s.span()))
                : Optional.empty(),
            List.of());
      }
    } else if (!(flowType.get().value() instanceof JString)
        && !(flowType.get().value() instanceof JPlaceholder)) {
      findings.add(
          Rule.FIELD_TYPE,
          "flowType must be the string \"shared\", got " + flowType.get().value().describe(),
          "/flowType",
          flowType.get().value().span());
    }
    Optional<Member> in = root.member("inputs");
    in.ifPresent(
        m -> {
          if (!(m.value() instanceof JObject) && !(m.value() instanceof JPlaceholder)) {
            findings.add(
                Rule.FIELD_TYPE,
                "inputs must be an object of input names to values, got " + m.value().describe(),
                "/inputs",
                m.value().span());
          }
        });
    Optional<Member> metadata = root.member("metadata");
    boolean correlated =
        metadata
            .map(
                m ->
                    m.value() instanceof JPlaceholder
                        || (m.value() instanceof JObject o
                            && (o.member("correlationId").isPresent() || o.hasPlaceholderKeys())))
            .orElse(false);
    if (!correlated) {
      findings.add(
          Rule.MISSING_CORRELATION_ID,
          "no metadata.correlationId: requests through the gateway cannot be traced",
          metadata.isPresent() ? "/metadata" : "",
          metadata.map(m -> m.key().span()).orElse(rootSpan),
          "add \"metadata\": {\"correlationId\": \"{{ guid() }}\"}");
    }

    if (flow.isEmpty()) {
      return flow;
    }
    FlowSchema f = flow.get();
    if (!"commonmodule".equals(f.type())) {
      Span at = flowType.map(m -> m.value().span()).orElse(rootSpan);
      findings.add(
          Rule.FLOW_TYPE_MISMATCH,
          "a shared-flow request calls a common module, but "
              + Quoting.quote(f.name())
              + " is "
              + FlowKinds.article(f.type())
              + ("workflow".equals(f.type()) ? "" : " flow"),
          flowType.isPresent() ? "/flowType" : "",
          at,
          Optional.empty(),
          "workflow".equals(f.type())
              ? List.of(
                  "launch a workflow with POST /api/v2/flows/executions and this body:",
                  LaunchBody.suggest(f, root, lines))
              : List.of(FlowKinds.notLaunchable(f)));
    }
    if (in.isPresent() && in.get().value() instanceof JObject data) {
      inputs.check(
          data, f, true, "inputs", "/inputs", in.get().key().span(), config, lines, findings);
    } else if (in.isEmpty()) {
      inputs.check(
          new JObject(List.of(), rootSpan),
          f,
          true,
          "the request (no inputs)",
          "",
          rootSpan,
          config,
          lines,
          findings);
    }
    return flow;
  }
}
