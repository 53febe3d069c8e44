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
      return new Entry(
          file,
          meta.path("flowName").asString(schema.path("title").asString(file)),
          id.isEmpty() ? Optional.empty() : Optional.of(id),
          meta.path("flowType").asString(""));
    }
  }

  public SchemaIndex {
    entries = entries.stream().sorted(Comparator.comparing(Entry::file)).toList();
  }

  public static SchemaIndex of(Collection<Entry> entries) {
    return new SchemaIndex(List.copyOf(entries));
  }

  /** Every entry of a flow id: more than one only in an index an older import left. */
  public List<Entry> allById(String id) {
    return entries.stream()
        .filter(e -> e.flowId().filter(id::equalsIgnoreCase).isPresent())
        .toList();
  }

  private static final String COMMENT =
      "Written by flowlint import/pull; maps flows to their schema files.";

  /**
   * Refuses to replace an index.json that flowlint did not write (someone else's file of that
   * name).
   */
  static void ensureOurs(java.nio.file.Path file, String dirDisplay) throws java.io.IOException {
    if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    boolean ours;
    try {
      ours =
          java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              && isOurs(CanonicalJson.mapper().readTree(file.toFile()));
    } catch (RuntimeException e) {
      ours = false;
    }
    if (!ours) {
      throw new java.io.IOException(
          dirDisplay
              + "/"
              + FILE_NAME
              + " exists and was not written by flowlint, so it is not replaced;"
              + " move it away or write the schemas to another directory");
    }
  }

  /** Whether an index.json's content is one flowlint wrote (its {@code $comment} says so). */
  public static boolean isOurs(JsonNode root) {
    return root.path("$comment").asString("").startsWith("Written by flowlint");
  }

  /** An index entry must be a plain file name inside the schemas directory: no path, no "..". */
  public static boolean plainFileName(String file) {
    return !file.isEmpty()
        && !file.equals(".")
        && !file.equals("..")
        && file.indexOf('/') < 0
        && file.indexOf('\\') < 0
        && file.indexOf(':') < 0
        && file.indexOf('\0') < 0;
  }

  public String write() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("$comment", COMMENT);
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
