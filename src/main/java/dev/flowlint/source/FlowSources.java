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

  /** {@code Name_v2-0.i3WorkFlow}, {@code Name_v37-0.yaml}: Architect's export names carry the version. */
  private static final java.util.regex.Pattern FILE_VERSION = java.util.regex.Pattern.compile("_v(\\d+)-(\\d+)(?=\\.[^/]*$|$)");
  private final List<String> notes = new java.util.ArrayList<>();

  /** What reading decided on its own that a person should hear (names taken from files ...). */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  public List<Definition> read(SourceText source) throws SourceException {
    List<Definition> read = readAny(source);
    String file = source.displayPath().substring(source.displayPath().lastIndexOf('/') + 1);
    java.util.regex.Matcher v = FILE_VERSION.matcher(file);
    if (!v.find()) {
      return read;
    }
    String version = v.group(1) + "." + v.group(2);
    return read.stream().map(d -> d instanceof dev.flowlint.model.FlowDefinition f && f.version().isEmpty()
        ? (Definition) f.withVersion(version) : d).toList();
  }

  private List<Definition> readAny(SourceText source) throws SourceException {
    String path = source.displayPath();
    if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".tf")) {
      throw new SourceException(path, TERRAFORM);
    }
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
    List<Definition> out = List.copyOf(yaml.read(source));
    yaml.placeholderName(source).filter(p -> out.get(0).name().equals(ArchyYamlReader.fileStem(path))).ifPresent(p -> notes.add(path + ": the flow's name is the template placeholder " + p
        + "; it is imported as \"" + out.get(0).name() + "\", after its file"));
    return out;
  }

  /** What import says about a Terraform file instead of "not valid YAML". */
  public static final String TERRAFORM = "Terraform is not read; point import at the flow YAML or the data action export the resource references";

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
