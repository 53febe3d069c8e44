package dev.flowlint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;

/**
 * Files that a directory walk finds but that are plainly some other tool's (package.json,
 * tsconfig.json, docker-compose.yml, a payload): no reader took them and they carry nothing a flow
 * or data action definition has. {@code import .} in a repository skips them instead of failing on
 * each; a file that looks like a definition but is broken is still an error.
 */
final class ForeignFiles {
  /**
   * Top-level keys some Genesys definition has (flow, version, listing page, data action export),
   * or a stand-alone input contract (a JSON Schema's {@code properties}) even when it is broken.
   */
  private static final Set<String> DEFINITION_KEYS =
      Set.of(
          "id",
          "inputSchema",
          "outputSchema",
          "entities",
          "contract",
          "properties",
          "publishedVersion",
          "checkedInVersion",
          "savedVersion",
          "selfUri",
          "division");

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setCodePointLimit((int) dev.flowlint.io.StrictText.MAX_BYTES)
          .setMaxAliasesForCollections(50)
          .setAllowRecursiveKeys(false)
          .setAllowDuplicateKeys(true)
          .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema())
          .build();

  private ForeignFiles() {}

  /** JSON that no reader took and that has no key of a Genesys definition at its top level. */
  static boolean json(JsonNode root) {
    if (root.isArray()) {
      for (JsonNode e : root) {
        if (!json(e)) {
          return false;
        }
      }
      return true;
    }
    for (String key : DEFINITION_KEYS) {
      if (root.has(key)) {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML that is no Archy flow: in no document is a top-level key an Archy flow type, nor is one a
   * single key over a mapping with a name (a flow type flowlint does not list yet). Every document
   * counts: Kubernetes manifests and the like hold several, separated by ---. Text that is not YAML
   * at all is not judged here.
   */
  static boolean yaml(String text) {
    List<Object> docs = new ArrayList<>();
    try {
      for (Object d : new Load(SETTINGS).loadAllFromString(text)) {
        if (d != null) {
          docs.add(d);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
    if (docs.isEmpty()) {
      return false;
    }
    for (Object d : docs) {
      if (!foreignDocument(d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean foreignDocument(Object root) {
    if (!(root instanceof Map<?, ?> map)) {
      return true; // a list or a scalar: no Archy flow starts so
    }
    for (Object key : map.keySet()) {
      if (key instanceof String k && ArchyRootKeys.ALL.contains(k)) {
        return false; // a flow, even when it is broken (a stray top-level key beside it)
      }
    }
    if (map.size() != 1) {
      return true;
    }
    Object flow = map.values().iterator().next();
    return !(flow instanceof Map<?, ?> body && body.containsKey("name"));
  }
}
