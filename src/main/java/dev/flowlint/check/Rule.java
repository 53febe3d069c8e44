package dev.flowlint.check;

import dev.flowlint.model.Severity;
import java.util.Optional;

/** Every rule flowlint checks (DESIGN.md §4); ids are stable. */
public enum Rule {
  UNREADABLE_FILE("unreadable-file", Severity.ERROR, "The payload file cannot be read (missing, not UTF-8, too large); exit code 2."),
  INVALID_JSON("invalid-json", Severity.ERROR, "The payload is not JSON (template placeholders allowed)."),
  UNKNOWN_FLOW("unknown-flow", Severity.ERROR, "No schema is known for the flow the payload targets."),
  UNKNOWN_FIELD("unknown-field", Severity.ERROR, "A top-level field the envelope does not have (flowType, inputs, metadata in a launch body ...)."),
  MISSING_FIELD("missing-field", Severity.ERROR, "A field the envelope requires is absent (flowId; flowType in shared-flow)."),
  FIELD_TYPE("field-type", Severity.ERROR, "An envelope field has the wrong type (flowVersion must be a string, flowId a UUID)."),
  UNKNOWN_INPUT("unknown-input", Severity.ERROR, "An input name the flow does not have; Genesys leaves the real input unset. Suggests the closest name."),
  NESTED_SCOPE("nested-scope", Severity.ERROR, "Inputs nested under \"Flow\": {...}; keys must be flat scoped names such as \"Flow.x\"."),
  MISSING_REQUIRED_INPUT("missing-required-input", Severity.ERROR, "A required input of the flow is absent."),
  INPUT_TYPE("input-type", Severity.ERROR, "An input value of the wrong JSON type or shape for its Architect type."),
  OUTPUT_VARIABLE("output-variable", Severity.ERROR, "An output-only or internal variable passed as an input; Genesys ignores it."),
  FLOW_TYPE_MISMATCH("flow-type-mismatch", Severity.ERROR, "The envelope does not fit the flow's type (shared-flow needs a common module; the launch API runs workflows)."),
  MISSING_CORRELATION_ID("missing-correlation-id", Severity.INFO, "A shared-flow request without metadata.correlationId.");

  private final String id;
  private final Severity defaultSeverity;
  private final String summary;

  Rule(String id, Severity defaultSeverity, String summary) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public String summary() {
    return summary;
  }

  public static Optional<Rule> byId(String id) {
    for (Rule r : values()) {
      if (r.id.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
