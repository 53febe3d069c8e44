package dev.flowlint.source;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Architect type names and the JSON form of literal initial values. */
final class ArchitectTypes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = dev.flowlint.io.CanonicalJson.mapper();

  private ArchitectTypes() {}

  /**
   * {@code string} → {@code String}, {@code bool} → {@code Boolean}, {@code dateTime} → {@code
   * DateTime}.
   */
  static String canonical(String base) {
    if (base.isEmpty()) {
      return base;
    }
    String upper = Character.toUpperCase(base.charAt(0)) + base.substring(1);
    return switch (upper) {
      case "Bool" -> "Boolean";
      case "Datetime" -> "DateTime";
      default -> upper;
    };
  }

  /** {@code cpx_agent_score_pair_coll} → {@code AgentScorePair}. */
  static String fromComplexIdentifier(String typeIdentifier) {
    String s = typeIdentifier.startsWith("cpx_") ? typeIdentifier.substring(4) : typeIdentifier;
    if (s.endsWith("_coll")) {
      s = s.substring(0, s.length() - 5);
    }
    StringBuilder out = new StringBuilder();
    for (String part : s.split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.length() == 0 ? "Complex" : out.toString();
  }

  /**
   * The JSON value a literal stands for, given the variable's type; empty when the literal has no
   * faithful JSON form (a duration written as {@code {minutes: 5}}, a queue by name).
   */
  static Optional<JsonNode> literalJson(String type, boolean collection, JsonNode raw) {
    if (raw == null || raw.isNull() || raw.isMissingNode()) {
      return Optional.empty();
    }
    if (collection) {
      if (!raw.isArray()) {
        return Optional.empty();
      }
      ArrayNode out = NODES.arrayNode();
      for (JsonNode element : raw) {
        Optional<JsonNode> converted = literalJson(type, false, element);
        if (converted.isEmpty()) {
          return Optional.empty();
        }
        out.add(converted.get());
      }
      return Optional.of(out);
    }
    String text = raw.isValueNode() ? raw.asString() : null;
    try {
      return switch (type) {
        case "String", "Date", "DateTime", "Time" ->
            text == null ? Optional.empty() : Optional.of(NODES.stringNode(text));
        case "Integer" ->
            text == null
                ? Optional.empty()
                : Optional.of(NODES.numberNode(Long.parseLong(text.trim())));
        case "Decimal" ->
            text == null
                ? Optional.empty()
                : Optional.of(NODES.numberNode(new BigDecimal(text.trim())));
        case "Boolean" -> booleanLiteral(text);
        case "Json" -> jsonLiteral(raw);
        case "Duration" ->
            raw.isString() && text.startsWith("P")
                ? Optional.of(NODES.stringNode(text))
                : Optional.empty();
        default -> Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> booleanLiteral(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(NODES.booleanNode(true));
      case "false" -> Optional.of(NODES.booleanNode(false));
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> jsonLiteral(JsonNode raw) {
    if (raw.isObject()) {
      return Optional.of(raw);
    }
    if (!raw.isString()) {
      return Optional.empty();
    }
    try {
      JsonNode parsed = JSON.readTree(raw.asString());
      return parsed.isObject() ? Optional.of(parsed) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}
