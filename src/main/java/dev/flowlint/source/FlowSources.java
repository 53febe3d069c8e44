package dev.flowlint.source;

import dev.flowlint.model.Definition;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decides from a file's content which reader it needs, and reads it. */
public final class FlowSources {
  private static final JsonMapper JSON = dev.flowlint.io.CanonicalJson.mapper();
  private final ArchyYamlReader yaml = new ArchyYamlReader();
  private final ArchitectExportReader export = new ArchitectExportReader();
  private final ApiJsonReader api = new ApiJsonReader();
  private final DataActionReader actions = new DataActionReader();

  public List<Definition> read(Path file, String displayPath) throws SourceException {
    return read(SourceText.load(file, displayPath));
  }

  public List<Definition> read(SourceText source) throws SourceException {
    String path = source.displayPath();
    if (source.isBlank()) {
      throw new SourceException(path, "empty file");
    }
    String trimmed = source.text().strip();
    char first = trimmed.charAt(0);
    if (first == '{' || first == '[') {
      return readJson(source);
    }
    boolean exportName = source.displayPath().toLowerCase(java.util.Locale.ROOT).contains(".i3");
    if (exportName || (ArchitectExportReader.BASE64_TEXT.matcher(trimmed).matches() && !trimmed.contains(":"))) {
      return List.copyOf(export.read(source));
    }
    return List.copyOf(yaml.read(source));
  }

  private List<Definition> readJson(SourceText source) throws SourceException {
    String path = source.displayPath();
    JsonNode root;
    try {
      root = JSON.readTree(source.text());
    } catch (JacksonException e) {
      throw ArchyYamlReader.located(path, e, "not valid JSON");
    }
    if (ApiJsonReader.accepts(root)) {
      return List.copyOf(api.read(path, root));
    }
    if (DataActionReader.isExport(root) || DataActionReader.isContract(root)) {
      return List.of(actions.read(path, root));
    }
    throw new SourceException(path, "JSON is not a flow or data action definition: expected a Genesys Cloud Flow, FlowVersion or FlowDivisionView with inputSchema, a listing page with \"entities\", or a data action export with a contract");
  }
}
