package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which flow a payload is for: --flow, else the flowlint.yaml mapping, else a literal flowId in the
 * index (README).
 */
final class FlowResolver {
  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private final SchemaStore store;
  private final Config config;

  FlowResolver(SchemaStore store, Config config) {
    this.store = store;
    this.config = config;
  }

  /**
   * @param envelope the body's envelope: which of several flows sharing a name it can be for
   */
  Optional<FlowSchema> resolve(
      Target target,
      Optional<JsonValue> flowId,
      Span rootSpan,
      Findings findings,
      Envelope envelope)
      throws StoreException {
    java.util.function.Predicate<String> fits = FlowKinds.reachedBy(Optional.of(envelope));
    List<String> tried = new ArrayList<>();
    if (target.flow().isPresent()) {
      Optional<FlowSchema> f = store.byNameOrId(target.flow().get(), fits);
      if (f.isPresent()) {
        mismatch(f.get(), target, flowId, findings);
        return f;
      }
      List<String> close = closeNames(target.flow().get());
      findings.add(
          Rule.UNKNOWN_FLOW,
          "no schema for flow "
              + Quoting.quote(target.flow().get())
              + " (from "
              + target.flowFrom()
              + ")"
              + InputsChecker.didYouMean(close),
          "",
          rootSpan,
          Optional.empty(),
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
      Optional<FlowSchema> byName =
          UUID.matcher(s.value()).matches() ? Optional.empty() : store.byName(s.value(), fits);
      if (byName.isPresent()) {
        return byName; // field-type already says flowId must be the id
      }
      tried.add("flowId " + Quoting.quote(s.value()) + " (not in the schemas index)");
      at = s.span();
      ptr = "/flowId";
      if (!UUID.matcher(s.value()).matches()) {
        List<String> close = closeNames(s.value());
        if (!close.isEmpty()) {
          tried.set(
              tried.size() - 1,
              tried.get(tried.size() - 1)
                  + InputsChecker.didYouMean(close).replaceFirst("^; ", ": "));
        }
      }
    } else if (flowId.isPresent()) {
      tried.add("flowId (a placeholder, known only when rendered)");
    }
    tried.add(
        config.payloads().isEmpty()
            ? "flowlint.yaml payloads (none configured)"
            : "flowlint.yaml payloads (no pattern matches this file)");
    findings.add(
        Rule.UNKNOWN_FLOW,
        "cannot tell which flow this payload is for: tried " + String.join(", ", tried),
        ptr,
        at,
        Optional.empty(),
        List.of(
            "name the flow with --flow NAME|ID, or map the file in flowlint.yaml: "
                + "payloads: [{files: \"GLOB\", flow: \"NAME\"}]",
            "known flows: " + knownFlows()));
    return Optional.empty();
  }

  /**
   * The flow named by --flow or flowlint.yaml wins over a literal flowId (README: precedence), but
   * a flowId that names another flow is a finding, not silence: one of the two is wrong.
   */
  private void mismatch(
      FlowSchema named, Target target, Optional<JsonValue> flowId, Findings findings)
      throws StoreException {
    if (flowId.isEmpty() || !(flowId.get() instanceof JString s)) {
      return;
    }
    String literal = s.value();
    Optional<FlowSchema> other = store.byId(literal);
    if (other.isEmpty() && !UUID.matcher(literal).matches()) {
      other = store.byName(literal, type -> type.equals(named.type()));
    }
    boolean differs;
    if (other.isPresent()) {
      differs = !other.get().file().equals(named.file());
    } else {
      // Not in the index: it contradicts the named flow only if that flow's own id is known.
      differs =
          UUID.matcher(literal).matches()
              && named.id().isPresent()
              && !named.id().get().equalsIgnoreCase(literal);
    }
    if (!differs) {
      return;
    }
    Optional<FlowSchema> found = other;
    String whose =
        found
            .map(o -> "is the id of flow " + Quoting.quote(o.name()))
            .orElse("is not the id of " + Quoting.quote(named.name()));
    findings.add(
        Rule.FLOW_ID_MISMATCH,
        "flowId "
            + Quoting.quote(literal)
            + " "
            + whose
            + ", but "
            + target.flowFrom()
            + " names flow "
            + Quoting.quote(named.name()),
        "/flowId",
        s.span(),
        Optional.empty(),
        List.of(
            "the payload is checked against "
                + Quoting.quote(named.name())
                + (named.id().isPresent() ? " (id " + named.id().get() + ")" : "")
                + "; Genesys would launch the flow flowId names"));
  }

  List<String> closeNames(String name) {
    List<String> names = store.entries().stream().map(SchemaIndex.Entry::flowName).toList();
    return Suggester.suggest(name, names);
  }

  private String knownFlows() {
    List<String> names = store.entries().stream().map(SchemaIndex.Entry::flowName).toList();
    return names.size() > 8
        ? String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more"
        : String.join(", ", names);
  }
}
