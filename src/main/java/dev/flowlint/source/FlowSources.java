package dev.flowlint.source;

import dev.flowlint.model.Definition;
import dev.flowlint.model.FlowDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decides from a file's content which reader it needs, and reads it. */
public final class FlowSources {
  private static final JsonMapper JSON = dev.flowlint.io.CanonicalJson.strictMapper();
  private static final ArchyYamlReader YAML = new ArchyYamlReader();

  /**
   * Every reader, in the order they are asked; Archy YAML last, as it takes whatever is not JSON or
   * an export.
   */
  public static final List<FlowReader> READERS =
      List.of(new ApiJsonReader(), new DataActionReader(), new ArchitectExportReader(), YAML);

  /** What import says about a Terraform file instead of "not valid YAML". */
  public static final String TERRAFORM =
      "Terraform is not read; point import at the flow YAML or the data action export the resource references";

  /**
   * {@code Name_v2-0.i3WorkFlow}, {@code Name_v37-0.yaml}: Architect's export names carry the
   * version.
   */
  private static final Pattern FILE_VERSION = Pattern.compile("_v(\\d+)-(\\d+)(?=\\.[^/]*$|$)");

  private final List<String> notes = new ArrayList<>();

  /** What reading decided on its own that a person should hear (names taken from files ...). */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  public List<Definition> read(Path file, String displayPath) throws SourceException {
    return read(SourceText.load(file, displayPath));
  }

  public List<Definition> read(SourceText source) throws SourceException {
    List<Definition> read = readAny(source);
    String file = source.displayPath().substring(source.displayPath().lastIndexOf('/') + 1);
    Matcher v = FILE_VERSION.matcher(file);
    if (!v.find()) {
      return read;
    }
    String version = v.group(1) + "." + v.group(2);
    return read.stream()
        .map(
            d ->
                d instanceof FlowDefinition f && f.version().isEmpty()
                    ? (Definition) f.withVersion(version)
                    : d)
        .toList();
  }

  private List<Definition> readAny(SourceText source) throws SourceException {
    String path = source.displayPath();
    if (path.toLowerCase(Locale.ROOT).endsWith(".tf")) {
      throw new SourceException(path, TERRAFORM);
    }
    if (source.isBlank()) {
      throw new SourceException(path, "empty file");
    }
    char first = source.text().strip().charAt(0);
    FlowReader.Input file =
        new FlowReader.Input(
            source, first == '{' || first == '[' ? Optional.of(json(source)) : Optional.empty());
    for (FlowReader reader : READERS) {
      if (reader.reads(file)) {
        List<Definition> out;
        try {
          out = List.copyOf(reader.read(file));
        } catch (SourceException e) {
          throw reader == YAML && ForeignFiles.yaml(source.text()) ? e.asForeign() : e;
        }
        if (reader == YAML && !out.isEmpty()) {
          for (String flag : YAML.templatedFlags(source)) {
            notes.add(
                path
                    + ": "
                    + flag
                    + "; it is read as true, so payloads are checked against that variable as an"
                    + " input");
          }
          YAML.placeholderName(source)
              .filter(p -> out.get(0).name().equals(ArchyYamlReader.fileStem(path)))
              .ifPresent(
                  p ->
                      notes.add(
                          path
                              + ": the flow's name is the template placeholder "
                              + p
                              + "; it is imported as \""
                              + out.get(0).name()
                              + "\", after its file"));
        }
        return out;
      }
    }
    SourceException none =
        new SourceException(
            path,
            "JSON is not a flow or data action definition: expected a Genesys Cloud Flow, FlowVersion or FlowDivisionView with inputSchema, a listing page with \"entities\", or a data action export with a contract");
    throw file.json().filter(ForeignFiles::json).isPresent() ? none.asForeign() : none;
  }

  private static JsonNode json(SourceText source) throws SourceException {
    try {
      return JSON.readTree(source.text());
    } catch (JacksonException e) {
      throw ArchyYamlReader.located(source.displayPath(), e, "not valid JSON");
    }
  }
}
