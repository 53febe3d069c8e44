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
    for (String key : DEFINITION_KEYS) {
      if (root.has(key)) {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML that is no Archy flow: no top-level key is an Archy flow type, and it is not one key over
   * a mapping with a name (a flow type flowlint does not list yet). Text that is not YAML at all is
   * not judged here.
   */
  static boolean yaml(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (RuntimeException e) {
      return false;
    }
    if (root == null || root.isMissingNode()) {
      return false;
    }
    if (!root.isObject()) {
      return true; // a list or a scalar: no Archy flow starts so
    }
    for (String key : root.propertyNames()) {
      if (ArchyRootKeys.ALL.contains(key)) {
        return false; // a flow, even when it is broken (a stray top-level key beside it)
      }
    }
    if (root.size() != 1) {
      return true;
    }
    JsonNode flow = root.get(root.propertyNames().iterator().next());
    return !flow.isObject() || !flow.has("name");
  }
}
