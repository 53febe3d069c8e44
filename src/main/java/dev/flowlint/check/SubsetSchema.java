package dev.flowlint.check;

import dev.flowlint.payload.Quoting;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * The fast path: a schema made only of the keywords flowlint's importer writes ({@code type},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code
 * pattern}, {@code format} date and date-time, the length, item-count and numeric bounds),
 * validated without networknt's registry start-up. It gives the errors networknt's 2020-12 dialect
 * gives, in the same order, at the same places, with networknt's own quirks (an integer bound
 * compares {@code asLong()}); {@code SubsetSchemaDifferentialTest} holds it to that. A schema with
 * any other keyword is not compiled here: {@link #compile} says so and networknt takes it.
 */
final class SubsetSchema {
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** Keywords that assert nothing; {@code x-} extensions are annotations too. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "default",
          "examples",
          "$comment",
          "deprecated",
          "readOnly",
          "writeOnly");

  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "number", "integer", "boolean", "null");

  private final Node root;

  private SubsetSchema(Node root) {
    this.root = root;
  }

  /** The schema, when every keyword in it is one this class validates exactly as networknt. */
  static Optional<SubsetSchema> compile(JsonNode document) {
    if (!document.isObject()) {
      return Optional.empty();
    }
    JsonNode dialect = document.get("$schema");
    if (dialect != null && !(dialect.isString() && dialect.asString().equals(DIALECT))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SubsetSchema(node(document, "#", true)));
    } catch (NotInSubset e) {
      return Optional.empty();
    }
  }

  List<SchemaError> validate(JsonNode instance) {
    List<SchemaError> errors = new ArrayList<>();
    root.validate(instance, new ArrayList<>(), errors);
    return errors;
  }

  /** Thrown while compiling: this schema is networknt's. */
  private static final class NotInSubset extends Exception {
    private static final long serialVersionUID = 1L;

    NotInSubset() {
      super(null, null, false, false);
    }
  }

  private static Node node(JsonNode schema, String location, boolean root) throws NotInSubset {
    if (!schema.isObject()) {
      throw new NotInSubset();
    }
    List<Keyword> first = new ArrayList<>(); // type, then properties: networknt's order
    List<Keyword> rest = new ArrayList<>(); // then the schema's own order
    Keyword type = null;
    Keyword properties = null;
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      String at = location + "/" + locationToken(name);
      if (name.startsWith("x-") || ANNOTATIONS.contains(name) || (root && name.equals("$schema"))) {
        continue;
      }
      switch (name) {
        case "type" -> type = type(value, at);
        case "properties" -> properties = properties(value, at);
        case "required" -> rest.add(required(value, at));
        case "additionalProperties" -> rest.add(additional(schema, value, at));
        case "items" -> rest.add(new Items(node(value, at, false)));
        case "pattern" -> rest.add(pattern(value, at));
        case "format" -> rest.add(format(value, at));
        case "maxLength", "minLength", "maxItems", "minItems" -> rest.add(count(name, value, at));
        case "maximum", "minimum" -> rest.add(bound(schema, name, value, at));
        default -> throw new NotInSubset();
      }
    }
    if (type != null) {
      first.add(type);
    }
    if (properties != null) {
      first.add(properties);
    }
    first.addAll(rest);
    return new Node(List.copyOf(first));
  }

  /**
   * A name in a schema location as networknt writes it: a JSON Pointer token, with newline, tab,
   * carriage return, backspace and form feed then shown as {@code \\n} and the like.
   */
  private static String locationToken(String name) {
    String t = Quoting.pointerToken(name);
    if (t.indexOf('\n') >= 0) {
      t = t.replace("\n", "\\n");
    }
    if (t.indexOf('\t') >= 0) {
      t = t.replace("\t", "\\t");
    }
    if (t.indexOf('\r') >= 0) {
      t = t.replace("\r", "\\r");
    }
    if (t.indexOf('\b') >= 0) {
      t = t.replace("\b", "\\b");
    }
    if (t.indexOf('\f') >= 0) {
      t = t.replace("\f", "\\f");
    }
    return t;
  }

  private static Keyword type(JsonNode value, String at) throws NotInSubset {
    List<String> names = new ArrayList<>();
    if (value.isString()) {
      names.add(value.asString());
    } else if (value.isArray()) {
      for (JsonNode t : value) {
        if (!t.isString()) {
          throw new NotInSubset();
        }
        names.add(t.asString());
      }
    } else {
      throw new NotInSubset();
    }
    if (!TYPES.containsAll(names)) {
      throw new NotInSubset();
    }
    return new Type(List.copyOf(names), value, at);
  }

  private static Keyword properties(JsonNode value, String at) throws NotInSubset {
    if (!value.isObject()) {
      throw new NotInSubset();
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : value.properties()) {
      out.put(p.getKey(), node(p.getValue(), at + "/" + locationToken(p.getKey()), false));
    }
    return new Properties(out);
  }

  private static Keyword required(JsonNode value, String at) throws NotInSubset {
    if (!value.isArray()) {
      throw new NotInSubset();
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : value) {
      if (!n.isString()) {
        throw new NotInSubset();
      }
      names.add(n.asString());
    }
    return new Required(List.copyOf(names), value, at);
  }

  private static Keyword additional(JsonNode schema, JsonNode value, String at) throws NotInSubset {
    Set<String> declared = new java.util.HashSet<>();
    JsonNode props = schema.get("properties");
    if (props != null) {
      props.propertyNames().forEach(declared::add);
    }
    if (value.isBoolean()) {
      return new Additional(declared, value.asBoolean(), Optional.empty(), value, at);
    }
    return new Additional(declared, true, Optional.of(node(value, at, false)), value, at);
  }

  private static Keyword pattern(JsonNode value, String at) throws NotInSubset {
    if (!value.isString()) {
      throw new NotInSubset();
    }
    try {
      Pattern p = BoundedPatterns.compile(value.asString());
      return new Matches(p.matcher(""), value, at);
    } catch (PatternSyntaxException e) {
      throw new NotInSubset(); // networknt says what is wrong with it
    }
  }

  /**
   * The two formats flowlint's importer writes, decided as networknt's DateTimeFormat and
   * DateFormat decide them ({@link DateFormats}; networknt's classes are not used: one starts slf4j
   * on loading).
   */
  private static Keyword format(JsonNode value, String at) throws NotInSubset {
    Predicate<String> valid =
        switch (value.isString() ? value.asString() : "") {
          case "date-time" -> DateFormats::isDateTime;
          case "date" -> DateFormats::isDate;
          default -> throw new NotInSubset();
        };
    return new Formatted(valid, value, at);
  }

  private static Keyword count(String name, JsonNode value, String at) throws NotInSubset {
    // networknt reads a fractional or huge count in ways of its own: leave those to it.
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw new NotInSubset();
    }
    return new Count(name, value.intValue(), value, at);
  }

  private static Keyword bound(JsonNode schema, String name, JsonNode value, String at)
      throws NotInSubset {
    if (!value.isNumber() || schema.has("exclusiveMaximum") || schema.has("exclusiveMinimum")) {
      throw new NotInSubset();
    }
    if (value.isDouble() || value.isFloat()) {
      throw new NotInSubset(); // infinities and the like: networknt's business
    }
    boolean integerTyped = (value.isLong() || value.isInt()) && hasIntegerType(schema);
    return new Bound(
        name.equals("maximum"), integerTyped, integerTyped ? value.asLong() : 0, value, at);
  }

  /** networknt's hasType("integer"): the sibling type names it, alone or in a list. */
  private static boolean hasIntegerType(JsonNode schema) {
    JsonNode t = schema.get("type");
    if (t == null) {
      return false;
    }
    if (t.isString()) {
      return t.asString().equals("integer");
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (x.isString() && x.asString().equals("integer")) {
          return true;
        }
      }
    }
    return false;
  }

  // --- validation --------------------------------------------------------------------------

  private record Node(List<Keyword> keywords) {
    void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      for (Keyword k : keywords) {
        k.validate(value, at, errors);
      }
    }
  }

  private sealed interface Keyword
      permits Type, Properties, Required, Additional, Items, Matches, Formatted, Count, Bound {
    void validate(JsonNode value, List<Object> at, List<SchemaError> errors);
  }

  private static SchemaError error(
      String keyword, List<Object> at, String property, JsonNode schemaNode, String location) {
    return new SchemaError(
        keyword,
        at,
        Optional.ofNullable(property),
        schemaNode,
        location,
        "fails its schema's " + keyword + (property == null ? "" : " (" + property + ")"));
  }

  /** networknt's JSON type of a value: integral numbers are "integer", NaN and infinities none. */
  private static String jsonType(JsonNode v) {
    JsonNodeType t = v.getNodeType();
    return switch (t) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING, BINARY, POJO -> "string";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case NUMBER -> {
        if (v.isIntegralNumber()) {
          yield "integer";
        }
        yield nonFinite(v) ? "unknown" : "number";
      }
      default -> "unknown";
    };
  }

  private static boolean nonFinite(JsonNode v) {
    return v.isFloatingPointNumber()
        && !v.isBigDecimal()
        && !v.isBigInteger()
        && !Double.isFinite(v.doubleValue());
  }

  private static boolean isType(JsonNode v, String name) {
    String actual = jsonType(v);
    if (actual.equals(name)) {
      return true;
    }
    return (name.equals("number") && actual.equals("integer"))
        || (name.equals("integer") && actual.equals("number") && v.canConvertToExactIntegral());
  }

  private record Type(List<String> names, JsonNode schemaNode, String location) implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      for (String n : names) {
        if (isType(value, n)) {
          return;
        }
      }
      errors.add(error("type", at, null, schemaNode, location));
    }
  }

  private record Properties(Map<String, Node> schemas) implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (!value.isObject()) {
        return;
      }
      for (Map.Entry<String, Node> e : schemas.entrySet()) {
        JsonNode member = value.get(e.getKey());
        if (member != null) {
          at.add(e.getKey());
          e.getValue().validate(member, at, errors);
          at.remove(at.size() - 1);
        }
      }
    }
  }

  private record Required(List<String> names, JsonNode schemaNode, String location)
      implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (!value.isObject()) {
        return;
      }
      for (String n : names) {
        if (value.get(n) == null) {
          errors.add(error("required", at, n, schemaNode, location));
        }
      }
    }
  }

  private record Additional(
      Set<String> declared,
      boolean allowed,
      Optional<Node> schema,
      JsonNode schemaNode,
      String location)
      implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (!value.isObject()) {
        return;
      }
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        String name = e.getKey();
        if (declared.contains(name)) {
          continue;
        }
        if (!allowed) {
          errors.add(error("additionalProperties", at, name, schemaNode, location));
        } else if (schema.isPresent()) {
          at.add(name);
          schema.get().validate(e.getValue(), at, errors);
          at.remove(at.size() - 1);
        }
      }
    }
  }

  private record Items(Node schema) implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (!value.isArray()) {
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        at.add(i);
        schema.validate(value.get(i), at, errors);
        at.remove(at.size() - 1);
      }
    }
  }

  /**
   * @param matcher reset for each value: one compiled schema serves one checker thread, and a new
   *     Matcher per value was a measurable share of a large run
   */
  private record Matches(Matcher matcher, JsonNode schemaNode, String location) implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (jsonType(value).equals("string")
          && !BoundedPatterns.find(matcher, value.asString(), schemaNode.asString())) {
        errors.add(error("pattern", at, null, schemaNode, location));
      }
    }
  }

  private record Formatted(Predicate<String> valid, JsonNode schemaNode, String location)
      implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (jsonType(value).equals("string") && !valid.test(value.asString())) {
        errors.add(error("format", at, null, schemaNode, location));
      }
    }
  }

  private record Count(String keyword, int limit, JsonNode schemaNode, String location)
      implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      boolean fails =
          switch (keyword) {
            case "maxLength" -> jsonType(value).equals("string") && codePoints(value) > limit;
            case "minLength" -> jsonType(value).equals("string") && codePoints(value) < limit;
            case "maxItems" -> value.isArray() && value.size() > limit;
            default -> value.isArray() && value.size() < limit; // minItems
          };
      if (fails) {
        errors.add(error(keyword, at, null, schemaNode, location));
      }
    }

    private static int codePoints(JsonNode value) {
      String s = value.asString();
      return s.codePointCount(0, s.length());
    }
  }

  /**
   * minimum/maximum as networknt compares them: an integral bound beside {@code type: integer}
   * against {@code asLong()} of the value (so 5.5 is not above 5), anything else as decimals.
   */
  private record Bound(
      boolean maximum, boolean integerTyped, long limit, JsonNode schemaNode, String location)
      implements Keyword {
    @Override
    public void validate(JsonNode value, List<Object> at, List<SchemaError> errors) {
      if (!value.isNumber() || nonFinite(value)) {
        return;
      }
      int compare;
      if (integerTyped && value.isBigInteger()) {
        compare = value.bigIntegerValue().compareTo(new BigInteger(schemaNode.asString()));
      } else if (integerTyped) {
        compare = Long.compare(value.asLong(), limit);
      } else {
        compare = new BigDecimal(value.asString()).compareTo(new BigDecimal(schemaNode.asString()));
      }
      if (maximum ? compare > 0 : compare < 0) {
        errors.add(error(maximum ? "maximum" : "minimum", at, null, schemaNode, location));
      }
    }
  }
}
