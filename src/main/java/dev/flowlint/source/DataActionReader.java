package dev.flowlint.source;

import dev.flowlint.model.DataActionDefinition;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads data action exports ({@code name, integrationType, actionType, config, contract, secure},
 * or the API-shaped {@code category}/{@code integrationId} form) and stand-alone input contract
 * files ({@code title, type: object, properties}).
 */
public final class DataActionReader {
  /** Architect's export adds " - Exported 2021-04-15 @ 18:58" to the action's name. */
  private static final Pattern EXPORT_SUFFIX = Pattern.compile("\\s+-\\s+Exported\\s+\\d{4}-\\d{2}-\\d{2}.*$");

  public static boolean isExport(JsonNode root) {
    return root != null && root.isObject() && root.path("contract").path("input").isObject()
        && (root.has("config") || root.has("integrationType") || root.has("category"));
  }

  /** A contract on its own: an object schema with properties, and nothing of a payload about it. */
  public static boolean isContract(JsonNode root) {
    return root != null && root.isObject() && "object".equals(root.path("type").asString(""))
        && root.path("properties").isObject() && !root.has("flowId") && !root.has("inputData") && !root.has("inputs")
        && !root.has("entities") && !root.has("x-flowlint");
  }

  public DataActionDefinition read(String path, JsonNode root) throws SourceException {
    if (isExport(root)) {
      JsonNode schema = root.path("contract").path("input").path("inputSchema");
      if (!schema.isObject()) {
        throw new SourceException(path, "data action has no contract.input.inputSchema object");
      }
      String name = text(root.get("name")).map(DataActionReader::withoutExportSuffix)
          .orElseThrow(() -> new SourceException(path, "data action has no name"));
      JsonNode request = root.path("config").path("request");
      return new DataActionDefinition(name, text(root.get("integrationType")), text(request.get("requestType")),
          text(request.get("requestUrlTemplate")), text(request.get("requestTemplate")), schema, path)
          .withSuccessSchema(successSchema(root));
    }
    String name = text(root.get("title")).orElseGet(() -> ArchyYamlReader.fileStem(path));
    return new DataActionDefinition(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), root, path);
  }

  /** {@code contract.output.successSchema}, which call sites bind their outputs to. */
  private static Optional<JsonNode> successSchema(JsonNode root) {
    JsonNode s = root.path("contract").path("output").path("successSchema");
    return s.isObject() ? Optional.of(s) : Optional.empty();
  }

  /** "Send SMS - Exported 2021-04-15 @ 18:58" → "Send SMS". */
  public static String withoutExportSuffix(String name) {
    return EXPORT_SUFFIX.matcher(name).replaceFirst("");
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || !node.isString() || node.asString().isBlank() ? Optional.empty() : Optional.of(node.asString());
  }
}
