package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Envelope;
import dev.flowlint.schema.FlowSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A body that reaches one flow with every required input set to a value of its type: the text of
 * {@code flowlint skeleton} and of the serve page's skeleton button. Values are the plainest ones
 * the schema accepts (an empty string, 0, false, an ISO-8601 example) so a person sees what to
 * fill.
 */
public final class Skeleton {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Stands for the flow's id when schemas/ does not know it; the checker reads it as a template
   * placeholder.
   */
  static final String FLOW_ID_PLACEHOLDER = "{{ flowId }}";

  private Skeleton() {}

  /**
   * @param notes what a person must still do before sending it, one sentence each
   */
  public record Body(String flow, Envelope envelope, String text, List<String> notes) {
    public Body {
      notes = List.copyOf(notes);
    }
  }

  /** The flow types a body in this envelope can be for (see {@code SchemaStore.byName}). */
  public static java.util.function.Predicate<String> reachedBy(Optional<Envelope> envelope) {
    return FlowKinds.reachedBy(envelope);
  }

  /** The envelope a flow of this type is normally reached through (DESIGN.md §2). */
  public static Envelope defaultEnvelope(FlowSchema flow) {
    return switch (flow.type()) {
      case "workflow" -> Envelope.FLOW_EXECUTION;
      case "commonmodule" -> Envelope.SHARED_FLOW;
      case DataActionLinter.TYPE -> Envelope.DATA_ACTION;
      default -> Envelope.INPUTS;
    };
  }

  /**
   * The inputs the checker will demand: the schema's required list with flowlint.yaml's overrides.
   */
  public static Set<String> requiredInputs(FlowSchema flow, Config config) {
    return InputsChecker.required(flow, config);
  }

  public static Body of(FlowSchema flow, Optional<Envelope> envelope, Config config) {
    Envelope env = envelope.orElse(defaultEnvelope(flow));
    List<String> notes = new ArrayList<>();
    ObjectNode inputs = NODES.objectNode();
    ObjectNode scoped = NODES.objectNode();
    for (String name : requiredInputs(flow, config)) {
      String key = env == Envelope.SHARED_FLOW ? FlowSchema.bare(name) : name;
      JsonNode schema = flow.inputs().get(name);
      JsonNode value = schema == null ? NODES.stringNode("") : example(schema);
      inputs.set(key, value);
      scoped.set(name, value);
    }
    notes.addAll(unmet(flow, scoped));
    ObjectNode root;
    switch (env) {
      case FLOW_EXECUTION -> {
        root = NODES.objectNode();
        root.put("flowId", flow.id().orElse(FLOW_ID_PLACEHOLDER));
        root.set("inputData", inputs);
        if (flow.id().isEmpty()) {
          notes.add(
              "schemas/ has no id for flow \""
                  + flow.name()
                  + "\" (it was imported from a file): put its UUID in flowId, or run 'flowlint pull' to learn it");
        }
        if (!"workflow".equals(flow.type())) {
          notes.add(
              "\""
                  + flow.name()
                  + "\" is "
                  + FlowKinds.article(flow.type())
                  + " flow: POST /api/v2/flows/executions launches workflows");
        }
      }
      case SHARED_FLOW -> {
        root = NODES.objectNode();
        root.put("flowType", "shared");
        root.set("inputs", inputs);
        root.putObject("metadata").put("correlationId", "");
      }
      default -> root = inputs;
    }
    if (inputs.isEmpty()) {
      notes.add("flow \"" + flow.name() + "\" has no required inputs; add optional ones as needed");
    }
    return new Body(flow.name(), env, CanonicalJson.writeOrdered(root), notes);
  }

  /**
   * The inputs whose example the flow's schema still refuses (a pattern, a format skeleton has no
   * value for): check would fail the body, so the person is told what to replace.
   */
  private static List<String> unmet(FlowSchema flow, ObjectNode scoped) {
    List<SchemaError> errors;
    try {
      errors = new SchemaEngine().validate(flow.file(), flow.document(), scoped, flow.file());
    } catch (dev.flowlint.schema.SchemaStore.BadSchema e) {
      return List.of(); // check says what is wrong with the schema
    }
    Set<String> seen = new java.util.LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (SchemaError e : errors) {
      if (e.at().isEmpty() || !(e.at().get(0) instanceof String name) || !seen.add(name)) {
        continue;
      }
      out.add(
          name
              + ": replace "
              + scoped.get(name)
              + " with a value its schema allows ("
              + e.keyword()
              + " "
              + (e.schemaNode().isString() ? e.schemaNode().asString() : e.schemaNode())
              + ")");
    }
    return out;
  }

  /** The plainest value a property schema accepts. */
  static JsonNode example(JsonNode schema) {
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0);
    }
    for (String branches : List.of("oneOf", "anyOf", "allOf")) {
      for (JsonNode b : schema.path(branches)) {
        if (!"null".equals(b.path("type").asString(""))) {
          return example(b);
        }
      }
    }
    String type = typeOf(schema.path("type"));
    return switch (type) {
      case "string" -> NODES.stringNode(stringExample(schema));
      case "integer" -> NODES.numberNode(bound(schema).toBigInteger());
      case "number" -> NODES.numberNode(bound(schema));
      case "boolean" -> NODES.booleanNode(false);
      case "object" -> {
        // An object's own required properties, filled in the same way: {} would miss them.
        ObjectNode o = NODES.objectNode();
        for (JsonNode r : schema.path("required")) {
          String name = r.asString("");
          if (!name.isEmpty() && !o.has(name)) {
            JsonNode property = schema.path("properties").get(name);
            o.set(name, property == null ? NODES.stringNode("") : example(property));
          }
        }
        yield o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
          a.add(example(schema.path("items")));
        }
        yield a;
      }
      case "null" -> NODES.nullNode();
      default -> NODES.stringNode("");
    };
  }

  /** The first non-null type of a {@code type} keyword (a string or a list). */
  private static String typeOf(JsonNode type) {
    if (type.isString()) {
      return type.asString();
    }
    for (JsonNode t : type) {
      if (!"null".equals(t.asString(""))) {
        return t.asString("");
      }
    }
    return type.isArray() && !type.isEmpty() ? "null" : "";
  }

  private static String stringExample(JsonNode schema) {
    String byFormat =
        switch (schema.path("format").asString("")) {
          case "date" -> "2025-01-31";
          case "date-time" -> "2025-01-31T09:00:00Z";
          case "time" -> "09:00:00";
          case "duration" -> "PT1H";
          case "email", "idn-email" -> "user@example.com";
          case "uuid" -> "00000000-0000-0000-0000-000000000000";
          case "uri", "iri" -> "https://example.com/";
          case "hostname", "idn-hostname" -> "example.com";
          case "ipv4" -> "192.0.2.1";
          case "ipv6" -> "2001:db8::1";
          // Architect types whose schema carries a pattern but no format (Time: RFC 3339's offset
          // does not apply).
          default ->
              switch (schema.path("x-genesys-type").asString("")) {
                case "Time" -> "09:00:00";
                default -> "";
              };
        };
    int min = schema.path("minLength").asInt(0);
    return byFormat.length() >= min ? byFormat : byFormat + "x".repeat(min - byFormat.length());
  }

  /** 0, or the nearest value the bounds allow. */
  private static BigDecimal bound(JsonNode schema) {
    BigDecimal v = BigDecimal.ZERO;
    if (schema.path("minimum").isNumber()
        && schema.path("minimum").decimalValue().compareTo(v) > 0) {
      v = schema.path("minimum").decimalValue();
    }
    if (schema.path("exclusiveMinimum").isNumber()
        && schema.path("exclusiveMinimum").decimalValue().compareTo(v) >= 0) {
      v = schema.path("exclusiveMinimum").decimalValue().add(BigDecimal.ONE);
    }
    if (schema.path("maximum").isNumber()
        && schema.path("maximum").decimalValue().compareTo(v) < 0) {
      v = schema.path("maximum").decimalValue();
    }
    return v;
  }
}
