package dev.flowlint.schema;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.DataActionDefinition;
import dev.flowlint.model.Definition;
import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.Variable;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a flow definition into the JSON Schema of its inputs object (DESIGN.md §4). */
public final class SchemaWriter {
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final RequiredPolicy policy;

  public SchemaWriter(RequiredPolicy policy) {
    this.policy = policy;
  }

  public ObjectNode schema(Definition definition) {
    if (definition instanceof DataActionDefinition action) {
      return actionSchema(action);
    }
    return flowSchema((FlowDefinition) definition);
  }

  /**
   * A data action's contract kept as it is (its own $schema, draft-04 or none), with x-flowlint
   * naming the action and its request.
   */
  private static ObjectNode actionSchema(DataActionDefinition action) {
    ObjectNode schema = (ObjectNode) action.inputSchema().deepCopy();
    ObjectNode meta = schema.putObject("x-flowlint");
    meta.put("kind", DataActionDefinition.TYPE);
    meta.put("flowName", action.name());
    meta.put("flowType", DataActionDefinition.TYPE);
    meta.put("scope", "");
    action.integrationType().ifPresent(t -> meta.put("integrationType", t));
    action.requestType().ifPresent(t -> meta.put("requestType", t));
    action.requestUrlTemplate().ifPresent(t -> meta.put("requestUrlTemplate", t));
    meta.putArray("outputs");
    meta.putArray("internal");
    meta.put("source", action.source());
    CallContract.write(action, meta);
    return (ObjectNode) CanonicalJson.sorted(schema);
  }

  private ObjectNode flowSchema(FlowDefinition flow) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("title", flow.name());
    schema.put("type", "object");
    schema.put("additionalProperties", false);

    ObjectNode properties = schema.putObject("properties");
    TreeSet<String> required = new TreeSet<>();
    TreeSet<String> outputs = new TreeSet<>();
    TreeSet<String> internal = new TreeSet<>();
    for (Variable v : flow.variables()) {
      if (v.input()) {
        boolean isRequired = policy.isRequired(flow, v);
        properties.set(v.name(), property(v, isRequired));
        if (isRequired) {
          required.add(v.name());
        }
      } else if (v.output()) {
        outputs.add(v.name());
      } else {
        internal.add(v.name());
      }
    }
    ArrayNode req = schema.putArray("required");
    required.forEach(req::add);

    ObjectNode meta = schema.putObject("x-flowlint");
    flow.id().ifPresent(id -> meta.put("flowId", id));
    meta.put("flowName", flow.name());
    meta.put("flowType", flow.type());
    flow.version().ifPresent(v -> meta.put("flowVersion", v));
    meta.put("scope", flow.scope());
    ArrayNode outs = meta.putArray("outputs");
    outputs.forEach(outs::add);
    ArrayNode ints = meta.putArray("internal");
    internal.forEach(ints::add);
    meta.put("source", flow.source());
    CallContract.write(flow, meta);
    return (ObjectNode) CanonicalJson.sorted(schema);
  }

  private static ObjectNode property(Variable v, boolean required) {
    ObjectNode p = platformOrOwn(v, required);
    p.put("x-genesys-type", v.genesysType());
    v.description().ifPresent(d -> p.put("description", d));
    v.initialValue().literal().ifPresent(lit -> p.set("default", lit));
    if (v.output()) {
      p.put("x-genesys-output", true);
    }
    if (v.secure()) {
      p.put("x-genesys-secure", true);
    }
    return p;
  }

  /**
   * The platform's own property schema when the API gave one (it is the contract), else flowlint's.
   */
  private static ObjectNode platformOrOwn(Variable v, boolean required) {
    return v.platformSchema()
        .filter(tools.jackson.databind.JsonNode::isObject)
        .map(s -> (ObjectNode) s.deepCopy())
        .orElseGet(() -> TypeSchemas.of(v, required));
  }

  public String write(Definition definition) {
    return CanonicalJson.write(schema(definition));
  }
}
