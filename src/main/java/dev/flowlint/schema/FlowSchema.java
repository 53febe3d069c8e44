package dev.flowlint.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One flow's input schema as the checker uses it.
 *
 * @param document the whole schema file as written, which networknt validates against
 */
public record FlowSchema(
    String name,
    Optional<String> id,
    String type,
    String scope,
    Map<String, JsonNode> inputs,
    Set<String> required,
    Set<String> outputs,
    Set<String> internal,
    String file,
    CallContract calls,
    JsonNode document) {

  public static FlowSchema of(String file, JsonNode schema) {
    JsonNode meta = schema.path("x-flowlint");
    Map<String, JsonNode> inputs = new LinkedHashMap<>();
    JsonNode props = schema.path("properties");
    for (String key : props.propertyNames()) {
      inputs.put(key, props.get(key));
    }
    String id = meta.path("flowId").asString("");
    return new FlowSchema(
        meta.path("flowName").asString(schema.path("title").asString(file)),
        id.isEmpty() ? Optional.empty() : Optional.of(id),
        meta.path("flowType").asString(""),
        meta.path("scope").asString("Flow"),
        Collections.unmodifiableMap(inputs),
        strings(schema.path("required")),
        strings(meta.path("outputs")),
        strings(meta.path("internal")),
        file,
        CallContract.read(meta),
        schema);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode n : array) {
      out.add(n.asString());
    }
    return Collections.unmodifiableSet(out);
  }

  /** {@code Flow.customer_id} → {@code customer_id}. */
  public static String bare(String scopedName) {
    int dot = scopedName.indexOf('.');
    return dot < 0 ? scopedName : scopedName.substring(dot + 1);
  }

  /** The version recorded at import ({@code x-flowlint.flowVersion}), when one is known. */
  public Optional<String> version() {
    String v = document.path("x-flowlint").path("flowVersion").asString("");
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public String architectType(String input) {
    return inputs
        .getOrDefault(input, tools.jackson.databind.node.MissingNode.getInstance())
        .path("x-genesys-type")
        .asString("");
  }
}
