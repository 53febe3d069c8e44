package dev.flowlint.check;

import dev.flowlint.payload.Quoting;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One schema error, whichever engine found it (networknt or {@link SubsetSchema}): what the
 * findings are made from.
 *
 * @param keyword the schema keyword that failed: {@code type}, {@code required}, ...
 * @param at where in the instance: property names ({@link String}) and indexes ({@link Integer})
 * @param property the member a {@code required} or {@code additionalProperties} error is about
 * @param schemaNode the failing keyword's value in the schema
 * @param schemaLocation where in the schema, as a URI reference ending in a JSON Pointer fragment
 * @param message the engine's own words, for keywords flowlint has none of its own for
 * @param undecided a {@code pattern} not fully matched: the payload's pattern allowance ran out
 *     ({@link BoundedPatterns}), so the value is not known to match
 */
record SchemaError(
    String keyword,
    List<Object> at,
    Optional<String> property,
    JsonNode schemaNode,
    String schemaLocation,
    String message,
    boolean undecided) {

  SchemaError {
    at = List.copyOf(at);
  }

  SchemaError(
      String keyword,
      List<Object> at,
      Optional<String> property,
      JsonNode schemaNode,
      String schemaLocation,
      String message) {
    this(keyword, at, property, schemaNode, schemaLocation, message, false);
  }

  /** The instance location as a JSON Pointer: one key per place, for grouping. */
  String pointer() {
    StringBuilder out = new StringBuilder();
    for (Object el : at) {
      out.append('/').append(Quoting.pointerToken(String.valueOf(el)));
    }
    return out.toString();
  }
}
