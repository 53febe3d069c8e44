package dev.flowlint.source;

import dev.flowlint.model.Definition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decides from a file's content which reader it needs, and reads it. */
public final class FlowSources {
  private static final JsonMapper JSON = dev.flowlint.io.CanonicalJson.mapper();

  /** Every reader, in the order they are asked; Archy YAML last, as it takes whatever is not JSON or an export. */
  public static final List<FlowReader> READERS = List.of(
      new ApiJsonReader(), new DataActionReader(), new ArchitectExportReader(), new ArchyYamlReader());

  public List<Definition> read(Path file, String displayPath) throws SourceException {
    return read(SourceText.load(file, displayPath));
  }

  public List<Definition> read(SourceText source) throws SourceException {
    String path = source.displayPath();
    if (source.isBlank()) {
      throw new SourceException(path, "empty file");
    }
    char first = source.text().strip().charAt(0);
    FlowReader.Input file = new FlowReader.Input(source,
        first == '{' || first == '[' ? Optional.of(json(source)) : Optional.empty());
    for (FlowReader reader : READERS) {
      if (reader.reads(file)) {
        return List.copyOf(reader.read(file));
      }
    }
    throw new SourceException(path, "JSON is not a flow or data action definition: expected a Genesys Cloud Flow, FlowVersion or FlowDivisionView with inputSchema, a listing page with \"entities\", or a data action export with a contract");
  }

  private static JsonNode json(SourceText source) throws SourceException {
    try {
      return JSON.readTree(source.text());
    } catch (JacksonException e) {
      throw ArchyYamlReader.located(source.displayPath(), e, "not valid JSON");
    }
  }
}
