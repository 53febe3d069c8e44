package dev.flowlint.source;

import static dev.flowlint.io.JsonText.text;

import dev.flowlint.model.DataActionDefinition;
import dev.flowlint.model.DataActionShape;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads data action exports ({@code name, integrationType, actionType, config, contract, secure},
 * or the API-shaped {@code category}/{@code integrationId} form) and stand-alone input contract
 * files ({@code title, type: object, properties}).
 */
public final class DataActionReader implements FlowReader {
  @Override
  public String formatName() {
    return "data action export";
  }

  @Override
  public boolean reads(Input file) {
    return file.json().filter(j -> isExport(j) || isContract(j) || isPage(j)).isPresent();
  }

  @Override
  public List<DataActionDefinition> read(Input file) throws SourceException {
    JsonNode root = file.json().orElseThrow();
    if (isPage(root)) {
      List<DataActionDefinition> out = new java.util.ArrayList<>();
      for (JsonNode entity : root.get("entities")) {
        out.add(read(file.path(), entity));
      }
      return out;
    }
    return List.of(read(file.path(), root));
  }

  /**
   * A listing page of data actions ({@code GET /api/v2/integrations/actions?expand=contract}):
   * every entity an action with its contract. It was read as a page of flows, each a workflow with
   * no inputs.
   */
  public static boolean isPage(JsonNode root) {
    if (root == null || !root.isObject() || !root.path("entities").isArray()) {
      return false;
    }
    JsonNode entities = root.get("entities");
    if (entities.isEmpty()) {
      return false;
    }
    for (JsonNode e : entities) {
      if (!isExport(e)) {
        return false;
      }
    }
    return true;
  }

  /** Architect's export adds " - Exported 2021-04-15 @ 18:58" to the action's name. */
  private static final Pattern EXPORT_SUFFIX =
      Pattern.compile("\\s+-\\s+Exported\\s+\\d{4}-\\d{2}-\\d{2}.*$");

  public static boolean isExport(JsonNode root) {
    return root != null && root.isObject() && DataActionShape.isExport(new Node(root));
  }

  /** A contract on its own: an object schema with properties, and nothing of a payload about it. */
  public static boolean isContract(JsonNode root) {
    return root != null && root.isObject() && DataActionShape.isContract(new Node(root));
  }

  /** Jackson's tree, as {@link DataActionShape} asks. */
  private record Node(JsonNode node) implements DataActionShape.JsonObject {
    @Override
    public boolean has(String key) {
      return node.has(key);
    }

    @Override
    public Optional<DataActionShape.JsonObject> object(String key) {
      JsonNode v = node.get(key);
      return v != null && v.isObject() ? Optional.of(new Node(v)) : Optional.empty();
    }

    @Override
    public Optional<String> string(String key) {
      JsonNode v = node.get(key);
      return v != null && v.isString() ? Optional.of(v.asString()) : Optional.empty();
    }
  }

  public DataActionDefinition read(String path, JsonNode root) throws SourceException {
    if (isExport(root)) {
      JsonNode schema = root.path("contract").path("input").path("inputSchema");
      if (!schema.isObject()) {
        throw new SourceException(path, "data action has no contract.input.inputSchema object");
      }
      String name =
          text(root.get("name"))
              .map(DataActionReader::withoutExportSuffix)
              .orElseThrow(() -> new SourceException(path, "data action has no name"));
      JsonNode request = root.path("config").path("request");
      return new DataActionDefinition(
              name,
              text(root.get("integrationType")),
              text(request.get("requestType")),
              text(request.get("requestUrlTemplate")),
              text(request.get("requestTemplate")),
              schema,
              path)
          .withSuccessSchema(successSchema(root));
    }
    String name = text(root.get("title")).orElseGet(() -> ArchyYamlReader.fileStem(path));
    return new DataActionDefinition(
        name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), root, path);
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
}
