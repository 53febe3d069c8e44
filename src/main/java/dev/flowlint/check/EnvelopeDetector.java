package dev.flowlint.check;

import dev.flowlint.model.Envelope;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import java.util.Optional;

/** Picks the envelope from a payload's top-level keys (DESIGN.md §2). */
final class EnvelopeDetector {
  private EnvelopeDetector() {}

  static Envelope detect(JObject root) {
    return decisive(root).orElse(Envelope.FLOW_EXECUTION);
  }

  /** The envelope the payload's keys name, if any does ({@code {}} names none). */
  static Optional<Envelope> decisive(JObject root) {
    if (root.member("flowId").isPresent() || root.member("inputData").isPresent()) {
      return Optional.of(Envelope.FLOW_EXECUTION);
    }
    if (root.member("flowType").isPresent() || root.member("inputs").isPresent()) {
      return Optional.of(Envelope.SHARED_FLOW);
    }
    for (Member m : root.members()) {
      if (scoped(m)) {
        return Optional.of(Envelope.INPUTS);
      }
    }
    return Optional.empty();
  }

  /**
   * A scoped input name, even one partly templated ({@code Flow.{{ k }}}); not a placeholder whose
   * own text holds a dot ({@code ${input.x}}).
   */
  private static boolean scoped(Member m) {
    String name = m.key().name();
    int dot = name.indexOf('.');
    if (dot < 0) {
      return false;
    }
    if (!m.key().placeholder()) {
      return true;
    }
    String scope = name.substring(0, dot);
    return !scope.isEmpty() && scope.indexOf('{') < 0 && scope.indexOf('$') < 0;
  }
}
