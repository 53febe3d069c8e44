package dev.flowlint.check;

import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JBool;
import dev.flowlint.payload.JsonValue.JNull;
import dev.flowlint.payload.JsonValue.JNumber;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.Quoting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the networknt errors about one value into findings in words: {@code type} is {@code
 * input-type}, every other keyword {@code input-constraint}, except the ISO-8601 shapes of date and
 * time inputs, which are the input's type.
 */
final class ValueErrors {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A JSON integer's text; compiled once, as it is asked of many values. */
  static final Pattern INTEGER_TEXT = Pattern.compile("-?(0|[1-9]\\d*)");

  private static final Pattern NUMBER_TEXT =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Set<String> ISO_TYPES = Set.of("Date", "DateTime", "Time", "Duration");

  private ValueErrors() {}

  /**
   * @param where the value in words: {@code Flow.tags[1]}
   * @param errors every error networknt gave at this one instance location
   */
  static void report(
      String where,
      String genesysType,
      String pointer,
      JsonValue actual,
      List<SchemaError> errors,
      JsonNode document,
      Findings findings) {
    String base = genesysType.replace("Collection", "");
    List<SchemaError> resolved = resolveCombinators(errors);
    List<SchemaError> types = resolved.stream().filter(e -> e.keyword().equals("type")).toList();
    if (!types.isEmpty()) {
      String expected = expectedTypes(types);
      findings.add(
          Rule.INPUT_TYPE,
          where + " expects " + expected + ", got " + actual.describe(),
          pointer,
          actual.span(),
          unquoteFix(expected, actual),
          help(genesysType));
    }
    for (SchemaError e : resolved) {
      String keyword = e.keyword();
      boolean iso =
          ISO_TYPES.contains(base) && (keyword.equals("pattern") || keyword.equals("format"));
      boolean integerText =
          base.equals("Integer") && actual instanceof JString && keyword.equals("pattern");
      if (keyword.equals("type")) {
        continue;
      } else if (e.undecided()) {
        // Not a verdict: the match was stopped. An error all the same, never a clean value.
        findings.add(
            Rule.INPUT_CONSTRAINT,
            where
                + " was not fully checked against the pattern "
                + e.schemaNode().asString()
                + ": "
                + SchemaEngine.UNDECIDED,
            pointer,
            actual.span(),
            Optional.empty(),
            constraintHelp(genesysType, keyword, e));
      } else if (iso) {
        findings.add(
            Rule.INPUT_TYPE,
            where + " expects " + isoWords(base) + ", got " + actual.describe(),
            pointer,
            actual.span(),
            Optional.empty(),
            help(genesysType));
        return; // pattern and format say the same thing about one value
      } else if (integerText) {
        findings.add(
            Rule.INPUT_TYPE,
            where + " expects an integer, got " + actual.describe(),
            pointer,
            actual.span(),
            Optional.empty(),
            help(genesysType));
      } else {
        findings.add(
            Rule.INPUT_CONSTRAINT,
            constraint(where, keyword, e, actual, exclusive(e, document)),
            pointer,
            actual.span(),
            caseFix(keyword, e, actual),
            constraintHelp(genesysType, keyword, e));
      }
    }
  }

  /**
   * oneOf/anyOf: report what the branch that fits the value's type says (a string too long), or,
   * when no branch fits the type, one type error naming every type the branches allow.
   */
  private static List<SchemaError> resolveCombinators(List<SchemaError> errors) {
    List<SchemaError> combinators =
        errors.stream()
            .filter(e -> e.keyword().equals("oneOf") || e.keyword().equals("anyOf"))
            .toList();
    if (combinators.isEmpty()) {
      return errors;
    }
    List<SchemaError> rest = errors.stream().filter(e -> !combinators.contains(e)).toList();
    List<SchemaError> notType = rest.stream().filter(e -> !e.keyword().equals("type")).toList();
    if (!notType.isEmpty()) {
      return notType;
    }
    return rest.isEmpty()
        ? combinators
        : rest; // no branch fits the type: every branch's type is named
  }

  private static String expectedTypes(List<SchemaError> typeErrors) {
    Set<String> words = new LinkedHashSet<>();
    for (SchemaError e : typeErrors) {
      JsonNode t = e.schemaNode().isObject() ? e.schemaNode().path("type") : e.schemaNode();
      if (t.isArray()) {
        t.forEach(x -> words.add(typeWord(x.asString())));
      } else {
        words.add(typeWord(t.asString("value")));
      }
    }
    // The first type the schema names is the input's own (an Integer input also takes a string of
    // digits; null leaves any input NOT_SET): naming them all would blur what to send.
    return words.stream().filter(w -> !w.equals("null")).findFirst().orElse("null");
  }

  private static String typeWord(String t) {
    return switch (t) {
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "string" -> "a string";
      case "boolean" -> "a boolean";
      case "array" -> "an array";
      case "object" -> "a JSON object";
      case "null" -> "null";
      default -> t;
    };
  }

  /**
   * Draft-04's boolean exclusiveMinimum/exclusiveMaximum beside the minimum or maximum that failed.
   */
  private static boolean exclusive(SchemaError e, JsonNode document) {
    if (!(e.keyword().equals("minimum") || e.keyword().equals("maximum"))
        || e.schemaLocation().isEmpty()) {
      return false;
    }
    String location = e.schemaLocation();
    int hash = location.indexOf('#');
    if (hash < 0 || !location.endsWith("/" + e.keyword())) {
      return false;
    }
    String parent = location.substring(hash + 1, location.length() - e.keyword().length() - 1);
    try {
      String sibling = e.keyword().equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum";
      return document.at(parent).path(sibling).asBoolean(false);
    } catch (RuntimeException bad) {
      return false; // a location that is no JSON Pointer into this document: say "at most"
    }
  }

  private static String constraint(
      String where, String keyword, SchemaError e, JsonValue actual, boolean exclusive) {
    JsonNode s = e.schemaNode();
    String got = ", got " + actual.describe();
    String message = e.message();
    return switch (keyword) {
      case "enum" -> where + " must be one of " + values(s) + got;
      case "const" -> where + " must be " + s + got;
      case "pattern" -> where + " must match the pattern " + s.asString() + got;
      case "format" -> where + " must be a valid " + s.asString() + got;
      case "minLength" -> where + " must be at least " + s + " characters long" + length(actual);
      case "maxLength" -> where + " must be at most " + s + " characters long" + length(actual);
      case "minimum" ->
          where + " must be " + (exclusive ? "greater than " : "at least ") + s.asString() + got;
      case "maximum" ->
          where + " must be " + (exclusive ? "less than " : "at most ") + s.asString() + got;
      case "exclusiveMinimum" -> where + " must be greater than " + s.asString() + got;
      case "exclusiveMaximum" -> where + " must be less than " + s.asString() + got;
      case "minItems" -> where + " must have at least " + s + " items" + items(actual);
      case "maxItems" -> where + " must have at most " + s + " items" + items(actual);
      case "uniqueItems" -> where + " must not repeat an item";
      case "multipleOf" -> where + " must be a multiple of " + s.asString() + got;
      case "required" -> where + " lacks the member " + Quoting.quote(e.property().orElse(""));
      case "additionalProperties" ->
          where + " has no member " + Quoting.quote(e.property().orElse(""));
      default -> where + ": " + message.replaceFirst("^\\$[^:]*: ", "");
    };
  }

  private static String values(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.isString() ? Quoting.quote(v.asString()) : v.toString()));
    return String.join(", ", out);
  }

  private static String length(JsonValue actual) {
    return actual instanceof JString s
        ? ", got " + s.value().codePointCount(0, s.value().length()) + " characters"
        : "";
  }

  private static String items(JsonValue actual) {
    return actual instanceof JArray a ? ", got " + a.elements().size() : "";
  }

  /** An enum or const value that differs from the given string only by case. */
  private static Optional<Fix> caseFix(String keyword, SchemaError e, JsonValue actual) {
    if (!(actual instanceof JString s) || !(keyword.equals("enum") || keyword.equals("const"))) {
      return Optional.empty();
    }
    List<String> same = new ArrayList<>();
    JsonNode allowed =
        keyword.equals("const") ? NODES.arrayNode().add(e.schemaNode()) : e.schemaNode();
    for (JsonNode v : allowed) {
      if (v.isString()
          && v.asString().toLowerCase(Locale.ROOT).equals(s.value().toLowerCase(Locale.ROOT))) {
        same.add(v.asString());
      }
    }
    return same.size() == 1
        ? Optional.of(
            new Fix(
                Quoting.quote(same.get(0)), "write " + Quoting.quote(same.get(0)), actual.span()))
        : Optional.empty();
  }

  private static List<String> constraintHelp(String genesysType, String keyword, SchemaError e) {
    List<String> help = new ArrayList<>(help(genesysType));
    if (keyword.equals("maxItems") && e.schemaNode().asInt() == 2000) {
      help.add("Genesys takes at most 2,000 items in a collection input");
    } else if (keyword.equals("maxLength") && e.schemaNode().asInt() == 32000) {
      help.add("Genesys takes strings of at most 32,000 characters");
    } else if ((keyword.equals("minimum") || keyword.equals("maximum"))
        && e.schemaNode().asString().contains("999999999999999")) {
      help.add("Genesys integers lie within ±999,999,999,999,999");
    } else {
      help.add(
          "the flow's schema file sets this "
              + keyword
              + "; edit it there or in flowlint.yaml if it is wrong");
    }
    return help;
  }

  static List<String> help(String genesysType) {
    return genesysType.isEmpty()
        ? List.of()
        : List.of("the flow declares it as an Architect " + genesysType);
  }

  /** "3" for an integer input: offer the unquoted number. */
  static Optional<Fix> unquoteFix(String expected, JsonValue actual) {
    if (!(actual instanceof JString s)) {
      return Optional.empty();
    }
    String v = s.value().strip();
    try {
      if (expected.startsWith("an integer") && INTEGER_TEXT.matcher(v).matches()) {
        return Optional.of(new Fix(v, "write the number " + v + " without quotes", actual.span()));
      }
      if (expected.startsWith("a number") && NUMBER_TEXT.matcher(v).matches()) {
        new BigDecimal(v);
        return Optional.of(new Fix(v, "write the number " + v + " without quotes", actual.span()));
      }
    } catch (NumberFormatException ignored) {
      return Optional.empty();
    }
    if (expected.startsWith("a boolean") && (v.equals("true") || v.equals("false"))) {
      return Optional.of(new Fix(v, "write " + v + " without quotes", actual.span()));
    }
    return Optional.empty();
  }

  private static String isoWords(String base) {
    return switch (base) {
      case "Date" -> "an ISO-8601 date such as \"2024-05-01\"";
      case "DateTime" -> "an ISO-8601 date-time such as \"2024-05-01T13:30:00Z\"";
      case "Time" -> "an ISO-8601 time such as \"13:30:00\"";
      case "Duration" -> "an ISO-8601 duration such as \"PT5M\"";
      default -> "a value of the form its schema gives";
    };
  }

  /** {@code [1]} and {@code .name} after the input's name. */
  static String path(List<Object> p, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < p.size(); i++) {
      Object el = p.get(i);
      out.append(el instanceof Integer n ? "[" + n + "]" : "." + el);
    }
    return out.toString();
  }

  static String pointerOf(List<Object> p, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < p.size(); i++) {
      out.append('/').append(Quoting.pointerToken(String.valueOf(p.get(i))));
    }
    return out.toString();
  }

  static Optional<JsonValue> locate(JsonValue root, List<Object> p, int from) {
    JsonValue at = root;
    for (int i = from; i < p.size(); i++) {
      Object el = p.get(i);
      if (el instanceof Integer n && at instanceof JArray a && n < a.elements().size()) {
        at = a.elements().get(n);
      } else if (at instanceof JObject o) {
        Optional<JsonValue.Member> m = o.member(String.valueOf(el));
        if (m.isEmpty()) {
          return Optional.empty();
        }
        at = m.get().value();
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  /** The value as Jackson sees it; placeholders become strings, and their errors are dropped. */
  private static final BigDecimal LONG_RANGE = BigDecimal.valueOf(Long.MAX_VALUE);

  static JsonNode toNode(JsonValue v) {
    if (v instanceof JObject o) {
      ObjectNode n = NODES.objectNode();
      for (JsonValue.Member m : o.members()) {
        n.set(m.key().name(), toNode(m.value()));
      }
      return n;
    }
    if (v instanceof JArray a) {
      ArrayNode n = NODES.arrayNode();
      a.elements().forEach(e -> n.add(toNode(e)));
      return n;
    }
    if (v instanceof JString s) {
      return NODES.stringNode(s.value());
    }
    if (v instanceof JNumber num) {
      return numberNode(num.text(), num.integral());
    }
    if (v instanceof JBool b) {
      return NODES.booleanNode(b.value());
    }
    if (v instanceof JNull) {
      return NODES.nullNode();
    }
    return NODES.stringNode(((JPlaceholder) v).text());
  }

  /**
   * A number written as {@code text} (a JSON number, or a string of digits), as Jackson sees it.
   */
  static JsonNode numberNode(String text, boolean integral) {
    if (integral && text.length() < 19) {
      return NODES.numberNode(Long.parseLong(text));
    }
    BigDecimal big;
    try {
      big = new BigDecimal(text);
    } catch (NumberFormatException tooBig) {
      // 1e99999999999: no BigDecimal holds it. Still a number for the type check; its range is
      // reported (input-constraint or ValueLimits), never blamed on the schema.
      return NODES.numberNode(text.startsWith("-") ? -Long.MAX_VALUE : Long.MAX_VALUE);
    }
    if (big.abs().compareTo(LONG_RANGE) > 0) {
      // networknt reads an integral bound with asLong, which throws for a value beyond a long:
      // such a value goes in as the long at that end, beyond the same bounds (an Integer's range
      // included); an infinite Decimal is reported by ValueLimits from the text itself.
      return NODES.numberNode(big.signum() < 0 ? -Long.MAX_VALUE : Long.MAX_VALUE);
    }
    return NODES.numberNode(big);
  }
}
