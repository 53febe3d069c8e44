package dev.flowlint.schema;

import dev.flowlint.model.Variable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of the value an Architect input takes in a launch payload. Where the platform's
 * own input schema is known (archString, archInteger, collections; see docs/genesys.md) the same
 * limits are written: null is NOT_SET (legal unless the input is required), strings hold at most
 * 32,000 characters, integers lie within ±999,999,999,999,999 and may come as a string of digits,
 * collections hold at most 2,000 items. Other types keep their strict form until confirmed.
 */
final class TypeSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TypeSchemas() {}

  public static final int MAX_STRING = 32000;
  public static final long MAX_INTEGER = 999_999_999_999_999L;
  public static final int MAX_ITEMS = 2000;

  static ObjectNode of(Variable v) {
    return of(v, false);
  }

  /**
   * @param required a required input: null (NOT_SET) is as good as missing, so not allowed
   */
  static ObjectNode of(Variable v, boolean required) {
    ObjectNode element = element(v.type());
    if (!v.collection()) {
      if (!required) {
        nullable(element, v.type());
      }
      return element;
    }
    nullable(element, v.type()); // an item may be NOT_SET, as archString items are
    ObjectNode array = NODES.objectNode();
    array.put("type", "array");
    array.put("maxItems", MAX_ITEMS);
    array.set("items", element);
    return array;
  }

  /** Adds null to the types the platform is known to take as NOT_SET. */
  private static void nullable(ObjectNode s, String type) {
    if (type.equals("String") || type.equals("Integer")) {
      tools.jackson.databind.JsonNode given = s.get("type");
      tools.jackson.databind.node.ArrayNode types =
          given.isArray()
              ? (tools.jackson.databind.node.ArrayNode) given
              : NODES.arrayNode().add(given.asString());
      s.set("type", types.add("null"));
    }
  }

  private static ObjectNode element(String type) {
    ObjectNode s = NODES.objectNode();
    switch (type) {
      case "String" -> {
        s.put("type", "string");
        s.put("maxLength", MAX_STRING);
      }
      case "Integer" -> {
        // archInteger: an integer within the range, or a string of 1-16 characters holding one.
        s.putArray("type").add("integer").add("string");
        s.put("minimum", -MAX_INTEGER);
        s.put("maximum", MAX_INTEGER);
        s.put("minLength", 1);
        s.put("maxLength", 16);
        s.put("pattern", "^-?(0|[1-9][0-9]*)$");
      }
      case "Decimal" -> s.put("type", "number");
      case "Boolean" -> s.put("type", "boolean");
      case "Json" -> s.put("type", "object");
      // Architect parses these from ISO-8601 text. Date and DateTime patterns check the shape and
      // format the calendar; Time has no format (see iso), so its pattern bounds each field itself.
      case "Date" -> iso(s, "date", "^\\d{4}-\\d{2}-\\d{2}$");
      case "DateTime" ->
          iso(
              s,
              "date-time",
              "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$");
      case "Time" -> iso(s, null, "^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?$");
      case "Duration" ->
          iso(
              s,
              "duration",
              "^-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$");
      default ->
          s.put(
              "$comment",
              "Architect "
                  + type
                  + " values have no documented JSON form at launch; flowlint checks the name only");
    }
    return s;
  }

  /**
   * @param format a JSON Schema format no stricter than the pattern, or null: RFC 3339's "time"
   *     demands an offset, which Architect's Time values ("09:00:00") do not carry, and format is
   *     asserted, so Time is described by its pattern alone
   */
  private static void iso(ObjectNode s, String format, String pattern) {
    s.put("type", "string");
    if (format != null) {
      s.put("format", format);
    }
    s.put("pattern", pattern);
  }
}
