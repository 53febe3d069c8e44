package dev.flowlint.model;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How an Architect variable starts out: no value, a literal, or an expression evaluated at run
 * time.
 */
public sealed interface InitialValue {

  /** The literal as JSON, when this is a literal that has a JSON form. */
  default Optional<JsonNode> literal() {
    return Optional.empty();
  }

  /** Lower-case word used in messages and schemas. */
  String kind();

  record None() implements InitialValue {
    public String kind() {
      return "none";
    }
  }

  record Literal(Optional<JsonNode> value, String text) implements InitialValue {
    @Override
    public Optional<JsonNode> literal() {
      return value;
    }

    public String kind() {
      return "literal";
    }
  }

  record Expression(String text) implements InitialValue {
    public String kind() {
      return "expression";
    }
  }

  /** The source does not say (the API's schemas carry no initial values). */
  record Unknown() implements InitialValue {
    public String kind() {
      return "unknown";
    }
  }

  InitialValue NONE = new None();
  InitialValue UNKNOWN = new Unknown();
}
