package dev.flowlint.source;

import dev.flowlint.io.YamlTrees;
import java.util.List;
import java.util.Set;
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
    List<JsonNode> docs;
    try {
      // Composed, not constructed: a tag no YAML schema knows (CloudFormation's !Ref, !Sub) is
      // text here, where constructing refused it and made the template an error, not passed over.
      docs = YamlTrees.textTrees(text).stream().filter(d -> !d.isNull()).toList();
    } catch (YamlTrees.Invalid e) {
      return false;
    }
    if (docs.isEmpty()) {
      return false;
    }
    for (JsonNode d : docs) {
      if (!foreignDocument(d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean foreignDocument(JsonNode root) {
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
