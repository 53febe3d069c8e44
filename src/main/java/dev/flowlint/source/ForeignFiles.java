package dev.flowlint.source;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Files that a directory walk finds but that are plainly some other tool's (package.json,
 * tsconfig.json, docker-compose.yml, a payload): no reader took them and they carry nothing a flow
 * or data action definition has. {@code import .} in a repository skips them instead of failing on
 * each; a file that looks like a definition but is broken is still an error.
 */
final class ForeignFiles {
  /** Top-level keys some Genesys definition (flow, version, listing page, data action) has. */
  private static final Set<String> GENESYS_KEYS =
      Set.of(
          "id",
          "inputSchema",
          "outputSchema",
          "flowType",
          "entities",
          "contract",
          "publishedVersion",
          "checkedInVersion",
          "savedVersion",
          "selfUri",
          "division");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

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
    for (String key : GENESYS_KEYS) {
      if (root.has(key)) {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML that is no Archy flow: not one top-level key holding a mapping, or a key that is no Archy
   * flow type over a mapping without a name. Text that is not YAML at all is not judged here.
   */
  static boolean yaml(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (RuntimeException e) {
      return false;
    }
    if (root == null || !root.isObject() || root.size() != 1) {
      return root != null && !root.isMissingNode();
    }
    String key = root.propertyNames().iterator().next();
    JsonNode flow = root.get(key);
    if (ArchyRootKeys.ALL.contains(key)) { // a flow, even when it is broken
      return false;
    }
    return !flow.isObject() || !flow.has("name");
  }
}
