package dev.flowlint.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Whether a literal bound at a call site can be a value of the callee input's type. Only the types
 * whose literal form is certain are judged (Integer, Decimal, Boolean, and a data action's integer,
 * number and boolean properties); any text is a String, and other types are left alone.
 */
final class LiteralFit {
  /**
   * What a payload's number may be at most, too (ValueLimits): Genesys reads numbers as doubles.
   */
  private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);

  private LiteralFit() {}

  /** The type's name when the literal cannot fit it, else empty. */
  static Optional<String> misfit(JsonNode inputSchema, String literal) {
    if (literal.contains("{{") || literal.contains("${")) {
      return Optional.empty();
    }
    String type = type(inputSchema);
    String v = literal.strip();
    boolean fits =
        switch (type) {
          case "Integer" -> v.matches("[-+]?\\d+");
          case "Decimal" -> decimal(v);
          case "Boolean" -> v.toLowerCase(Locale.ROOT).matches("true|false");
          default -> true;
        };
    return fits ? Optional.empty() : Optional.of(type);
  }

  /**
   * The input's type when its value is one scalar (Integer, Decimal, Boolean, String), so a mapping
   * or list literal cannot be one; empty for other types (a Duration's literal is a mapping).
   */
  static Optional<String> scalarType(JsonNode inputSchema) {
    String type = type(inputSchema);
    return List.of("Integer", "Decimal", "Boolean", "String").contains(type)
        ? Optional.of(type)
        : Optional.empty();
  }

  /** Architect's type name, from x-genesys-type or a data action property's JSON type. */
  private static String type(JsonNode inputSchema) {
    String type = inputSchema.path("x-genesys-type").asString("");
    if (!type.isEmpty()) {
      return type;
    }
    JsonNode t = inputSchema.path("type");
    String json = t.asString("");
    if (t.isArray()) {
      // ["null", "number"]: the type a value has when there is one, whichever order.
      for (JsonNode e : t) {
        if (!e.asString("").equals("null")) {
          json = e.asString("");
          break;
        }
      }
    }
    return switch (json) {
      case "integer" -> "Integer";
      case "number" -> "Decimal";
      case "boolean" -> "Boolean";
      case "string" -> "String";
      default -> "";
    };
  }

  /**
   * For a literal that is a number of the input's type: the bounds it lies outside, in words, when
   * it does (the schema's minimum and maximum; an imported Integer carries Architect's
   * ±999,999,999,999,999), as a payload's number is judged.
   */
  static Optional<String> outOfRange(JsonNode inputSchema, String literal) {
    String v = literal.strip();
    String type = type(inputSchema);
    if (!(type.equals("Integer") || type.equals("Decimal"))
        || v.contains("{{")
        || v.contains("${")
        || !decimal(v)) {
      return Optional.empty(); // digits bound to a String are text, whatever their size
    }
    BigDecimal n = new BigDecimal(v);
    if (n.abs().compareTo(DOUBLE_MAX) > 0) {
      return Optional.of("beyond the range of a 64-bit floating-point number");
    }
    boolean integer = inputSchema.path("x-genesys-type").asString("").equals("Integer");
    // An Integer's schema from the API keeps its bounds in a oneOf branch: Architect's range then.
    BigDecimal min =
        bound(inputSchema.path("minimum"), integer ? ValueLimits.ARCH_INTEGER_MAX.negate() : null);
    BigDecimal max =
        bound(inputSchema.path("maximum"), integer ? ValueLimits.ARCH_INTEGER_MAX : null);
    if (min != null && n.compareTo(min) < 0) {
      return Optional.of("below the input's minimum " + min.toPlainString());
    }
    if (max != null && n.compareTo(max) > 0) {
      return Optional.of("above the input's maximum " + max.toPlainString());
    }
    return Optional.empty();
  }

  private static BigDecimal bound(JsonNode given, BigDecimal otherwise) {
    return given.isNumber() ? given.decimalValue() : otherwise;
  }

  private static boolean decimal(String v) {
    try {
      new BigDecimal(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
