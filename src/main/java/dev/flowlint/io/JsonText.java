package dev.flowlint.io;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reading a scalar of a JSON (or YAML) tree as text, the same way everywhere. */
public final class JsonText {
  private JsonText() {}

  /**
   * The scalar's text (numbers and booleans as written); empty for missing, null, objects, arrays
   * and blank strings.
   */
  public static Optional<String> text(JsonNode node) {
    return node == null || !node.isValueNode() || node.isNull() || node.asString().isBlank()
        ? Optional.empty()
        : Optional.of(node.asString());
  }
}
