package dev.flowlint.check;

import dev.flowlint.model.Rule;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.flowlint.model.Fix;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JBool;
import dev.flowlint.payload.JsonValue.JNull;
import dev.flowlint.payload.JsonValue.JNumber;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks input values against their property schemas with networknt, and maps each error back to
 * the value's place in the payload, in words. Compiled schemas are kept for the whole run.
 */
final class TypeChecker {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> compiled = new HashMap<>();

  void check(FlowSchema flow, String input, JsonValue value, String pointer, Findings findings) {
    if (value instanceof JPlaceholder) {
      return; // its value is known only when the template is rendered
    }
    JsonNode propertySchema = flow.inputs().get(input);
    List<Error> errors;
    try {
      Schema schema = compiled.computeIfAbsent(flow.file() + "#" + input, k -> registry.getSchema(propertySchema));
      errors = schema.validate(toNode(value));
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
      throw new dev.flowlint.schema.SchemaStore.BadSchema(flow.file() + ": the schema of " + input
          + " cannot be used" + why + "; fix it or re-run flowlint import");
    }
    for (Error e : errors) {
      Optional<JsonValue> at = locate(value, e.getInstanceLocation());
      if (at.isEmpty() || at.get() instanceof JPlaceholder) {
        continue;
      }
      String where = input + path(e.getInstanceLocation());
      String ptr = pointer + pointerOf(e.getInstanceLocation());
      report(flow.architectType(input), where, ptr, at.get(), e, findings);
    }
  }

  private void report(String genesysType, String where, String pointer, JsonValue actual, Error e, Findings findings) {
    JsonNode keywordSchema = e.getSchemaNode();
    switch (e.getKeyword()) {
      case "type" -> {
        String expected = expectedType(keywordSchema.isObject() ? keywordSchema.path("type") : keywordSchema);
        findings.add(Rule.INPUT_TYPE, where + " expects " + expected + ", got " + actual.describe(),
            pointer, actual.span(), unquoteFix(expected, actual), help(genesysType));
      }
      case "pattern", "format" -> findings.add(Rule.INPUT_TYPE,
          where + " expects " + isoWords(genesysType) + ", got " + actual.describe(), pointer, actual.span(),
          Optional.empty(), help(genesysType));
      default -> findings.add(Rule.INPUT_TYPE, where + ": " + e.getMessage().replaceFirst("^\\$[^:]*: ", ""),
          pointer, actual.span(), Optional.empty(), help(genesysType));
    }
  }

  private static List<String> help(String genesysType) {
    return genesysType.isEmpty() ? List.of() : List.of("the flow declares it as an Architect " + genesysType);
  }

  /** "3" for an integer input: offer the unquoted number. */
  private static Optional<Fix> unquoteFix(String expected, JsonValue actual) {
    if (!(actual instanceof JString s)) {
      return Optional.empty();
    }
    String v = s.value().strip();
    try {
      if (expected.equals("an integer") && v.matches("-?(0|[1-9]\\d*)")) {
        return Optional.of(new Fix(v, "write the number " + v + " without quotes", actual.span()));
      }
      if (expected.equals("a number") && v.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
        new BigDecimal(v);
        return Optional.of(new Fix(v, "write the number " + v + " without quotes", actual.span()));
      }
    } catch (NumberFormatException ignored) {
      return Optional.empty();
    }
    if (expected.equals("a boolean") && (v.equals("true") || v.equals("false"))) {
      return Optional.of(new Fix(v, "write " + v + " without quotes", actual.span()));
    }
    return Optional.empty();
  }

  private static String expectedType(JsonNode type) {
    String t = type.isArray() && type.size() > 0 ? type.get(0).asString() : type.asString("value");
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

  private static String isoWords(String genesysType) {
    String base = genesysType.replace("Collection", "");
    return switch (base) {
      case "Date" -> "an ISO-8601 date such as \"2024-05-01\"";
      case "DateTime" -> "an ISO-8601 date-time such as \"2024-05-01T13:30:00Z\"";
      case "Time" -> "an ISO-8601 time such as \"13:30:00\"";
      case "Duration" -> "an ISO-8601 duration such as \"PT5M\"";
      default -> "a value of the form its schema gives";
    };
  }

  private static String path(NodePath p) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < p.getNameCount(); i++) {
      Object el = p.getElement(i);
      out.append(el instanceof Integer n ? "[" + n + "]" : "." + el);
    }
    return out.toString();
  }

  private static String pointerOf(NodePath p) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < p.getNameCount(); i++) {
      out.append('/').append(Quoting.pointerToken(String.valueOf(p.getElement(i))));
    }
    return out.toString();
  }

  private static Optional<JsonValue> locate(JsonValue root, NodePath p) {
    JsonValue at = root;
    for (int i = 0; i < p.getNameCount(); i++) {
      Object el = p.getElement(i);
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
      if (num.integral() && num.text().length() < 19) {
        return NODES.numberNode(Long.parseLong(num.text()));
      }
      try {
        return NODES.numberNode(new BigDecimal(num.text()));
      } catch (NumberFormatException tooBig) {
        // 1e99999999999: no BigDecimal holds it. Still a number for the type check; its range is
        // reported by ValueLimits. (Not the schema's fault, which is what an exception here would say.)
        return NODES.numberNode(num.text().startsWith("-") ? -Double.MAX_VALUE : Double.MAX_VALUE);
      }
    }
    if (v instanceof JBool b) {
      return NODES.booleanNode(b.value());
    }
    if (v instanceof JNull) {
      return NODES.nullNode();
    }
    return NODES.stringNode(((JPlaceholder) v).text());
  }
}
