package dev.flowlint.config;

import dev.flowlint.schema.FileNames;
import dev.flowlint.schema.SchemaIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code json.schemas} entries VS Code needs to check payload files while they are typed: one
 * per {@code payloads} mapping of flowlint.yaml, its glob pointing at the flow's launch schema (or
 * inputs schema for the inputs and data-action envelopes). Merged into an existing settings file:
 * the user's other settings and schema entries stay; flowlint's own entries are replaced.
 */
public final class VsCodeSettings {
  /** VS Code's settings.json is JSON with comments and trailing commas. */
  private static final JsonMapper JSONC =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();

  /** What merging did, in words for the command to print. */
  public record Result(
      String text, int written, int kept, List<String> skipped, boolean hadComments) {}

  private VsCodeSettings() {}

  /**
   * @param existing the current settings.json text, if there is one
   * @param schemaDirFromWorkspace the schemas directory as a path relative to the workspace ({@code
   *     schemas})
   * @throws ConfigException when the existing file is not JSON flowlint can merge into
   */
  public static Result merge(
      Optional<String> existing,
      Config config,
      List<SchemaIndex.Entry> flows,
      String schemaDirFromWorkspace,
      Path schemasDir)
      throws ConfigException {
    ObjectNode root;
    try {
      JsonNode read =
          existing.filter(t -> !t.isBlank()).map(JSONC::readTree).orElse(JSONC.createObjectNode());
      if (!read.isObject()) {
        throw new ConfigException(".vscode/settings.json is not a JSON object; left as it is");
      }
      root = (ObjectNode) read;
    } catch (JacksonException e) {
      throw new ConfigException(
          ".vscode/settings.json is not valid JSON (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + "); fix it first, it was left as it is");
    }
    String prefix = "./" + schemaDirFromWorkspace + "/";
    ArrayNode schemas = JSONC.createArrayNode();
    int kept = 0;
    JsonNode before = root.path("json.schemas");
    for (JsonNode entry : before) {
      String url = entry.path("url").asString("");
      if (!(url.startsWith(prefix) && url.endsWith(FileNames.SUFFIX))) {
        schemas.add(entry); // someone else's entry
        kept++;
      }
    }
    List<String> skipped = new ArrayList<>();
    int written = 0;
    for (Config.PayloadMapping m : config.payloads()) {
      if (m.flow().isEmpty()) {
        skipped.add(m.files() + ": names no flow");
        continue;
      }
      if (!(m.files().endsWith(".json") || m.files().endsWith(".jsonc"))) {
        skipped.add(m.files() + ": not JSON files; templates are checked by flowlint check only");
        continue;
      }
      Optional<SchemaIndex.Entry> flow =
          flows.stream()
              .filter(
                  e ->
                      e.flowName().equals(m.flow().get())
                          || e.flowId().filter(m.flow().get()::equalsIgnoreCase).isPresent())
              .findFirst();
      if (flow.isEmpty()) {
        skipped.add(
            m.files() + ": no schema for flow \"" + m.flow().get() + "\"; import or pull it first");
        continue;
      }
      String envelope =
          m.envelope()
              .map(e -> e.id())
              .orElse(
                  "data-action".equals(flow.get().flowType()) ? "data-action" : "flow-execution");
      boolean whole = envelope.equals("flow-execution") || envelope.equals("shared-flow");
      String file = whole ? FileNames.launchFileFor(flow.get().file()) : flow.get().file();
      if (!Files.isRegularFile(schemasDir.resolve(file))) {
        skipped.add(m.files() + ": " + file + " is missing; re-run flowlint import");
        continue;
      }
      ObjectNode entry = schemas.addObject();
      // A glob with a directory is relative to the workspace root; a bare file glob matches
      // anywhere.
      entry
          .putArray("fileMatch")
          .add(m.files().contains("/") ? "/" + m.files().replaceFirst("^\\./", "") : m.files());
      entry.put("url", prefix + file);
      written++;
    }
    root.set("json.schemas", schemas);
    String text = JSONC.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    boolean comments = existing.map(t -> t.contains("//") || t.contains("/*")).orElse(false);
    return new Result(text, written, kept, skipped, comments);
  }
}
