package dev.flowlint.schema;

import dev.flowlint.io.CanonicalJson;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code index.json}: which schema file holds which flow, by id and by name. */
public record SchemaIndex(List<Entry> entries) {
  public static final String FILE_NAME = "index.json";

  public record Entry(String file, String flowName, Optional<String> flowId, String flowType) {
    static Entry of(String file, JsonNode schema) {
      JsonNode meta = schema.path("x-flowlint");
      String id = meta.path("flowId").asString("");
      return new Entry(file, meta.path("flowName").asString(schema.path("title").asString(file)),
          id.isEmpty() ? Optional.empty() : Optional.of(id), meta.path("flowType").asString(""));
    }
  }

  public SchemaIndex {
    entries = entries.stream().sorted(Comparator.comparing(Entry::file)).toList();
  }

  public static SchemaIndex of(Collection<Entry> entries) {
    return new SchemaIndex(List.copyOf(entries));
  }

  public Optional<Entry> byId(String id) {
    return entries.stream().filter(e -> e.flowId().filter(id::equalsIgnoreCase).isPresent()).findFirst();
  }

  public Optional<Entry> byName(String name) {
    return entries.stream().filter(e -> e.flowName().equals(name)).findFirst();
  }

  public String write() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("$comment", "Written by flowlint import/pull; maps flows to their schema files.");
    ObjectNode byId = root.putObject("byId");
    ObjectNode byName = root.putObject("byName");
    ArrayNode flows = root.putArray("flows");
    for (Entry e : entries) {
      e.flowId().ifPresent(id -> byId.put(id, e.file()));
      byName.put(e.flowName(), e.file());
      ObjectNode f = flows.addObject();
      f.put("file", e.file());
      f.put("flowName", e.flowName());
      e.flowId().ifPresent(id -> f.put("flowId", id));
      f.put("flowType", e.flowType());
    }
    return CanonicalJson.write(root);
  }
}
