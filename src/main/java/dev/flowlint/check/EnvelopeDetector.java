package dev.flowlint.check;

import dev.flowlint.model.Envelope;
import dev.flowlint.payload.JsonValue.JObject;

/** Picks the envelope from a payload's top-level keys (DESIGN.md §2). */
final class EnvelopeDetector {
  private EnvelopeDetector() {}

  static Envelope detect(JObject root) {
    if (root.member("flowId").isPresent() || root.member("inputData").isPresent()) {
      return Envelope.FLOW_EXECUTION;
    }
    if (root.member("flowType").isPresent() || root.member("inputs").isPresent()) {
      return Envelope.SHARED_FLOW;
    }
    boolean scopedKeys =
        root.members().stream()
            .anyMatch(m -> !m.key().placeholder() && m.key().name().contains("."));
    return scopedKeys ? Envelope.INPUTS : Envelope.FLOW_EXECUTION;
  }
}
