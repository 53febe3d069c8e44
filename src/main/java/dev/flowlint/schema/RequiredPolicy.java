package dev.flowlint.schema;

import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.InitialValue;
import dev.flowlint.model.Variable;
import java.util.Locale;
import java.util.Optional;

/**
 * Which inputs a schema marks required. Architect has no "required"; by default an input with no
 * initial value is required, since a run that reads it unset fails. An API {@code required} list
 * wins under {@code no-default} and {@code schema}.
 */
public enum RequiredPolicy {
  NO_DEFAULT("no-default"),
  SCHEMA("schema"),
  ALL("all"),
  NONE("none");

  private final String word;

  RequiredPolicy(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<RequiredPolicy> parse(String word) {
    for (RequiredPolicy p : values()) {
      if (p.word.equals(word.toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public boolean isRequired(FlowDefinition flow, Variable input) {
    if (flow.required().isPresent() && (this == NO_DEFAULT || this == SCHEMA)) {
      return flow.required().get().contains(input.name());
    }
    return switch (this) {
      case NO_DEFAULT -> input.initialValue() instanceof InitialValue.None;
      case SCHEMA, NONE -> false;
      case ALL -> true;
    };
  }
}
