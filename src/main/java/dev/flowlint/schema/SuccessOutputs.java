package dev.flowlint.schema;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A data action's success schema flattened the way Architect offers it to a Call Data Action:
 * nested object properties joined with dots ({@code conversation.id}), properties of objects in
 * arrays as collections ({@code entities.id → StringCollection}).
 */
final class SuccessOutputs {
  private static final int MAX_DEPTH = 32;

  private SuccessOutputs() {}

  static Map<String, String> flatten(JsonNode successSchema) {
    Map<String, String> out = new TreeMap<>();
    visit("", successSchema, false, out, 0);
    return out;
  }

  private static void visit(
      String name, JsonNode schema, boolean collection, Map<String, String> out, int depth) {
    if (depth > MAX_DEPTH || !schema.isObject()) {
      return;
    }
    String type = type(schema);
    JsonNode props = schema.path("properties");
    if (type.equals("object") || (type.isEmpty() && props.isObject())) {
      if (props.isObject() && props.size() > 0) {
        for (String p : props.propertyNames()) {
          visit(name.isEmpty() ? p : name + "." + p, props.get(p), collection, out, depth + 1);
        }
      } else if (!name.isEmpty()) {
        out.put(name, collection ? "JsonCollection" : "Json");
      }
      return;
    }
    if (type.equals("array")) {
      JsonNode items = schema.path("items");
      String itemType = items.isObject() ? type(items) : "";
      if (itemType.equals("object")
          || itemType.equals("array")
          || (itemType.isEmpty() && items.path("properties").isObject())) {
        visit(name, items, true, out, depth + 1);
      } else if (!name.isEmpty()) {
        out.put(name, architect(itemType) + "Collection");
      }
      return;
    }
    if (!name.isEmpty()) {
      out.put(name, architect(type) + (collection ? "Collection" : ""));
    }
  }

  /** The schema's type; of a list such as ["string", "null"], the first that is not null. */
  private static String type(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode e : t) {
        if (!"null".equals(e.asString(""))) {
          return e.asString("");
        }
      }
      return "";
    }
    return t.asString("");
  }

  private static String architect(String jsonType) {
    return switch (jsonType) {
      case "string" -> "String";
      case "integer" -> "Integer";
      case "number" -> "Decimal";
      case "boolean" -> "Boolean";
      default -> "Json";
    };
  }
}
