package dev.flowlint.config;

import dev.flowlint.schema.EcmaPatterns;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * {@code flows.NAME.inputs} in flowlint.yaml: per input, the JSON Schema keywords that tighten its
 * schema at import. Only constraint keywords are taken: the type comes from the flow itself.
 */
final class InputConstraints {
  static final Set<String> KEYWORDS =
      Set.of(
          "enum",
          "const",
          "pattern",
          "format",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minItems",
          "maxItems",
          "uniqueItems",
          "description");

  private InputConstraints() {}

  static Map<String, JsonNode> read(String display, String where, JsonNode node)
      throws ConfigException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          display
              + ": "
              + where
              + ": expected a mapping of input name to JSON Schema keywords"
              + " (Flow.status: {enum: [open, closed]})");
    }
    for (String input : node.propertyNames()) {
      JsonNode keywords = node.get(input);
      String at = display + ": " + where + "." + input;
      if (!keywords.isObject() || keywords.isEmpty()) {
        throw new ConfigException(
            at + ": expected a mapping of JSON Schema keywords such as enum, pattern, minimum");
      }
      for (String k : keywords.propertyNames()) {
        if (!KEYWORDS.contains(k)) {
          throw new ConfigException(
              at
                  + ": \""
                  + k
                  + "\" is not a keyword flowlint merges; use one of "
                  + String.join(", ", KEYWORDS.stream().sorted().toList()));
        }
        check(at + "." + k, k, keywords.get(k));
      }
      out.put(input, keywords);
    }
    return out;
  }

  private static void check(String at, String keyword, JsonNode v) throws ConfigException {
    switch (keyword) {
      case "enum" -> {
        if (!v.isArray() || v.isEmpty()) {
          throw new ConfigException(at + ": expected a non-empty list of values");
        }
      }
      case "pattern", "format", "description" -> {
        if (!v.isString()) {
          throw new ConfigException(at + ": expected a string");
        }
        if (keyword.equals("pattern")) {
          try {
            EcmaPatterns.compile(v.asString()); // as check runs it: ECMA-262, not Java's dialect
          } catch (PatternSyntaxException e) {
            throw new ConfigException(
                at + ": not a valid regular expression: " + e.getDescription());
          }
        }
      }
      case "uniqueItems" -> {
        if (!v.isBoolean()) {
          throw new ConfigException(at + ": expected true or false");
        }
      }
      case "const" -> {}
      default -> {
        if (!v.isNumber()) {
          throw new ConfigException(at + ": expected a number");
        }
      }
    }
  }
}
