package dev.flowlint.check;

import dev.flowlint.model.Envelope;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;

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
    for (Member m : root.members()) {
      if (!m.key().placeholder() && m.key().name().indexOf('.') >= 0) {
        return Envelope.INPUTS;
      }
    }
    return Envelope.FLOW_EXECUTION;
  }
}
