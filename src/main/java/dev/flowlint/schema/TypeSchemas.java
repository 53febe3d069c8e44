package dev.flowlint.schema;

import dev.flowlint.model.Variable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schema of the value an Architect input takes in a launch payload. */
final class TypeSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TypeSchemas() {}

  static ObjectNode of(Variable v) {
    ObjectNode element = element(v.type());
    if (!v.collection()) {
      return element;
    }
    ObjectNode array = NODES.objectNode();
    array.put("type", "array");
    array.set("items", element);
    return array;
  }

  private static ObjectNode element(String type) {
    ObjectNode s = NODES.objectNode();
    switch (type) {
      case "String" -> s.put("type", "string");
      case "Integer" -> s.put("type", "integer");
      case "Decimal" -> s.put("type", "number");
      case "Boolean" -> s.put("type", "boolean");
      case "Json" -> s.put("type", "object");
      // Architect parses these from ISO-8601 text; the patterns check the shape, not the calendar.
      case "Date" -> iso(s, "date", "^\\d{4}-\\d{2}-\\d{2}$");
      case "DateTime" -> iso(s, "date-time", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$");
      case "Time" -> iso(s, "time", "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
      case "Duration" -> iso(s, "duration", "^-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$");
      default -> s.put("$comment", "Architect " + type
          + " values have no documented JSON form at launch; flowlint checks the name only");
    }
    return s;
  }

  private static void iso(ObjectNode s, String format, String pattern) {
    s.put("type", "string");
    s.put("format", format);
    s.put("pattern", pattern);
  }
}
