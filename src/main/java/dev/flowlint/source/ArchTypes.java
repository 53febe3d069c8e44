package dev.flowlint.source;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The platform's own property schemas: definitions tagged {@code archDataTypeId} whose {@code
 * oneOf} branches are {@code null} (NOT_SET) and the value's forms (docs/genesys.md).
 */
final class ArchTypes {
  private ArchTypes() {}

  /** Ids seen in published flow versions; others are read from the oneOf branches. */
  private static final Map<String, String> IDS = Map.of("str", "String", "int", "Integer");

  static boolean isPlatformShape(JsonNode schema) {
    JsonNode element =
        "array".equals(schema.path("type").asString("")) ? schema.path("items") : schema;
    return element.has("archDataTypeId") || element.path("oneOf").isArray();
  }

  /**
   * The Architect type of a platform-shaped schema, from its tag or, failing that, its branches.
   */
  static Optional<String> architectType(JsonNode schema) {
    String id = schema.path("archDataTypeId").asString("");
    if (IDS.containsKey(id)) {
      return Optional.of(IDS.get(id));
    }
    JsonNode branches =
        schema.path("oneOf").isArray() ? schema.path("oneOf") : schema.path("anyOf");
    String found = null;
    for (JsonNode b : branches) {
      String t = b.path("type").asString("");
      String word =
          switch (t) {
            case "string" ->
                found == null
                    ? "String"
                    : found; // archInteger's text branch comes after the integer
            case "integer" -> "Integer";
            case "number" -> "Decimal";
            case "boolean" -> "Boolean";
            case "object" -> "Json";
            default -> found;
          };
      if (word != null && (found == null || !word.equals("String"))) {
        found = word;
      }
    }
    return Optional.ofNullable(found);
  }
}
