package dev.flowlint.schema;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.schema.ImportResult.Problem;
import dev.flowlint.schema.ImportResult.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges flowlint.yaml's per-input keywords ({@code flows.NAME.inputs}) into a written schema, so
 * the file shows the whole contract to every tool. {@code x-flowlint.fromConfig} lists what came
 * from the config, so a later comparison can tell a config keyword from a hand edit.
 */
public final class ConfigConstraints {
  /** Keywords about a collection itself; every other keyword applies to each item of one. */
  private static final Set<String> ARRAY_KEYWORDS =
      Set.of("minItems", "maxItems", "uniqueItems", "description");

  private ConfigConstraints() {}

  /**
   * @param byFlow flow name or id → input → keywords
   * @return the schema, changed in place when the config names its flow
   */
  public static ObjectNode merge(
      ObjectNode schema, Map<String, Map<String, JsonNode>> byFlow, List<Problem> problems) {
    JsonNode meta = schema.path("x-flowlint");
    String name = meta.path("flowName").asString("");
    // The flow's entry by name and its entry by id both apply (the one by id was ignored whenever
    // one by name existed); a keyword both set differently is the name's, with a warning.
    Map<String, JsonNode> inputs = new java.util.LinkedHashMap<>();
    Map<String, JsonNode> byName = byFlow.getOrDefault(name, Map.of());
    String id = meta.path("flowId").asString("");
    Map<String, JsonNode> byId = id.isEmpty() ? Map.of() : byFlow.getOrDefault(id, Map.of());
    byId.forEach((input, keywords) -> inputs.put(input, keywords));
    for (Map.Entry<String, JsonNode> e : byName.entrySet()) {
      JsonNode other = inputs.get(e.getKey());
      if (other == null || other == e.getValue()) {
        inputs.put(e.getKey(), e.getValue());
        continue;
      }
      ObjectNode both = ((ObjectNode) other).deepCopy();
      for (String k : e.getValue().propertyNames()) {
        if (both.has(k) && !both.get(k).equals(e.getValue().get(k))) {
          problems.add(
              new Problem(
                  Severity.WARNING,
                  "flowlint.yaml sets "
                      + k
                      + " of "
                      + e.getKey()
                      + " differently under flows."
                      + name
                      + " and flows."
                      + id
                      + "; the value under flows."
                      + name
                      + " is merged"));
        }
        both.set(k, e.getValue().get(k));
      }
      inputs.put(e.getKey(), both);
    }
    if (inputs.isEmpty()) {
      return schema;
    }
    ObjectNode from = CanonicalJson.mapper().createObjectNode();
    for (Map.Entry<String, JsonNode> e : inputs.entrySet()) {
      JsonNode property = schema.path("properties").path(e.getKey());
      if (!property.isObject()) {
        problems.add(
            new Problem(
                Severity.WARNING,
                "flowlint.yaml flows."
                    + name
                    + ".inputs names "
                    + e.getKey()
                    + ", which flow \""
                    + name
                    + "\" does not have as an input; nothing merged for it"));
        continue;
      }
      ObjectNode target = (ObjectNode) property;
      boolean collection =
          "array".equals(property.path("type").asString("")) && property.path("items").isObject();
      ArrayNode keys = from.putArray(e.getKey());
      for (String k : new TreeSet<>(e.getValue().propertyNames())) {
        ObjectNode at =
            collection && !ARRAY_KEYWORDS.contains(k)
                ? (ObjectNode) property.path("items")
                : target;
        at.set(k, e.getValue().get(k).deepCopy());
        keys.add(k);
      }
    }
    ((ObjectNode) schema.path("x-flowlint")).set("fromConfig", from);
    return (ObjectNode) CanonicalJson.sorted(schema);
  }
}
