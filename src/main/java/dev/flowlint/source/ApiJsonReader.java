package dev.flowlint.source;

import static dev.flowlint.io.JsonText.text;

import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.InitialValue;
import dev.flowlint.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads what the Genesys Cloud API answers: a {@code Flow}, {@code FlowVersion} or
 * {@code FlowDivisionView}, or a listing page of them ({@code entities}), using their
 * {@code inputSchema}/{@code outputSchema}.
 */
public final class ApiJsonReader implements FlowReader {
  @Override
  public String formatName() {
    return "Genesys Cloud API JSON";
  }

  @Override
  public boolean reads(Input file) {
    return file.json().filter(ApiJsonReader::accepts).isPresent();
  }

  @Override
  public List<FlowDefinition> read(Input file) throws SourceException {
    return read(file.path(), file.json().orElseThrow());
  }

  private static final Pattern VERSION_URI = Pattern.compile("/api/v2/flows/([^/]+)/versions/([^/?]+)");

  /** True when the JSON looks like an API answer about flows. */
  public static boolean accepts(JsonNode root) {
    if (root == null || !root.isObject()) {
      return false;
    }
    if (root.path("entities").isArray()) {
      return true;
    }
    return root.has("inputSchema") || root.has("outputSchema") || root.path("publishedVersion").isObject();
  }

  public List<FlowDefinition> read(String path, JsonNode root) throws SourceException {
    List<FlowDefinition> out = new ArrayList<>();
    if (root.path("entities").isArray()) {
      int i = 0;
      for (JsonNode entity : root.get("entities")) {
        flow(path + " entities[" + i++ + "]", path, entity).ifPresent(out::add);
      }
      return out;
    }
    flow(path, path, root).ifPresent(out::add);
    return out;
  }

  /** One Flow, FlowVersion or FlowDivisionView object; {@code source} is written into the schema. */
  public Optional<FlowDefinition> flow(String where, String source, JsonNode entity) throws SourceException {
    if (!entity.isObject()) {
      throw new SourceException(where, "a flow entry is not an object");
    }
    JsonNode published = entity.path("publishedVersion");
    JsonNode inputSchema = entity.has("inputSchema") ? entity.get("inputSchema") : published.path("inputSchema");
    JsonNode outputSchema = entity.has("outputSchema") ? entity.get("outputSchema") : published.path("outputSchema");

    boolean isVersion = entity.has("commitVersion") || entity.has("configurationVersion") || entity.has("generationId");
    Optional<String> id = Optional.empty();
    Optional<String> version = Optional.empty();
    Matcher self = VERSION_URI.matcher(entity.path("selfUri").asString(""));
    if (isVersion) {
      version = text(entity.get("id"));
      if (self.find()) {
        id = Optional.of(self.group(1));
      }
    } else {
      id = text(entity.get("id"));
      version = text(published.get("id"));
    }
    String name = text(entity.get("name")).or(() -> text(inputSchema.get("title")))
        .orElseThrow(() -> new SourceException(where, "flow has no name"));
    String type = text(entity.get("type")).map(t -> t.toLowerCase(Locale.ROOT)).orElse("workflow");
    String scope = FlowDefinition.scopeFor(type);

    List<Variable> variables = new ArrayList<>();
    List<String> inputNames = new ArrayList<>();
    JsonNode props = inputSchema.path("properties");
    for (String key : props.propertyNames()) {
      String full = key.contains(".") ? key : scope + "." + key;
      inputNames.add(full);
      variables.add(variable(full, props.get(key), true, outputSchema.path("properties").has(key)));
    }
    JsonNode outProps = outputSchema.path("properties");
    for (String key : outProps.propertyNames()) {
      String full = key.contains(".") ? key : scope + "." + key;
      if (!inputNames.contains(full)) {
        variables.add(variable(full, outProps.get(key), false, true));
      }
    }
    Optional<List<String>> required = Optional.empty();
    if (inputSchema.path("required").isArray()) {
      List<String> names = new ArrayList<>();
      for (JsonNode r : inputSchema.get("required")) {
        String key = r.asString("");
        names.add(key.contains(".") ? key : scope + "." + key);
      }
      required = Optional.of(names);
    }
    return Optional.of(new FlowDefinition(name, id, type, scope, variables, required, version, source));
  }

  /** Maps a property schema back to the Architect type it stands for. */
  private static Variable variable(String name, JsonNode schema, boolean input, boolean output) {
    boolean collection = "array".equals(schema.path("type").asString(""));
    JsonNode element = collection ? schema.path("items") : schema;
    String type = text(schema.get("x-genesys-type"))
        .map(t -> t.endsWith("Collection") ? t.substring(0, t.length() - "Collection".length()) : t)
        .orElseGet(() -> typeOf(element));
    Optional<String> description = text(schema.get("description"));
    return new Variable(name, type, collection, input, output, false, InitialValue.UNKNOWN, description);
  }

  private static String typeOf(JsonNode schema) {
    String format = schema.path("format").asString("");
    return switch (schema.path("type").asString("")) {
      case "string" -> switch (format) {
        case "date-time" -> "DateTime";
        case "date" -> "Date";
        case "time" -> "Time";
        case "duration" -> "Duration";
        default -> "String";
      };
      case "integer" -> "Integer";
      case "number" -> "Decimal";
      case "boolean" -> "Boolean";
      case "object" -> "Json";
      default -> "Unknown";
    };
  }
}
