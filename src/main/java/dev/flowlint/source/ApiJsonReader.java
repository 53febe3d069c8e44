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
 * Reads what the Genesys Cloud API answers: a {@code Flow}, {@code FlowVersion} or {@code
 * FlowDivisionView}, or a listing page of them ({@code entities}), using their {@code
 * inputSchema}/{@code outputSchema}.
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

  private static final java.util.Set<String> VERSION_TYPES =
      java.util.Set.of("publish", "checkin", "save");

  private static final Pattern VERSION_URI =
      Pattern.compile("/api/v2/flows/([^/]+)/versions/([^/?]+)");

  /** True when the JSON looks like an API answer about flows. */
  public static boolean accepts(JsonNode root) {
    if (root == null || !root.isObject()) {
      return false;
    }
    if (root.path("entities").isArray()) {
      return !DataActionReader.isPage(root);
    }
    return root.has("inputSchema")
        || root.has("outputSchema")
        || root.path("publishedVersion").isObject();
  }

  public List<FlowDefinition> read(String path, JsonNode root) throws SourceException {
    List<FlowDefinition> out = new ArrayList<>();
    if (root.path("entities").isArray()) {
      boolean any = false;
      for (JsonNode entity : root.get("entities")) {
        any |= hasSchema(entity);
      }
      if (!any && !root.get("entities").isEmpty() && !fetchedWithSchemas(root)) {
        throw new SourceException(
            path,
            dataActions(root.get("entities"))
                ? "these data actions are listed without their contracts (fetched without"
                    + " expand=contract?), so their inputs are unknown, not none; save the listing"
                    + " from /api/v2/integrations/actions?expand=contract"
                : "no flow in this listing carries an inputSchema (fetched without"
                    + " includeSchemas=true?), so their inputs are unknown, not none; save it from"
                    + " /api/v2/flows/divisionviews?includeSchemas=true, or use 'flowlint pull'");
      }
      int i = 0;
      for (JsonNode entity : root.get("entities")) {
        flow(path + " entities[" + i++ + "]", path, entity).ifPresent(out::add);
      }
      return out;
    }
    if (!hasSchema(root)) {
      throw new SourceException(
          path,
          "this flow carries no inputSchema, so its inputs are unknown, not none; save the"
              + " published version (/api/v2/flows/{id}/versions/{version}) or a listing from"
              + " /api/v2/flows/divisionviews?includeSchemas=true, or use 'flowlint pull'");
    }
    flow(path, path, root).ifPresent(out::add);
    return out;
  }

  /**
   * Whether the page says it was fetched with includeSchemas=true (its selfUri and paging links
   * carry the query): then a flow without inputSchema has no inputs (an inbound call flow), and a
   * page holding only such flows, a later page of a long listing, is no error.
   */
  private static boolean fetchedWithSchemas(JsonNode page) {
    for (String link : List.of("selfUri", "firstUri", "previousUri", "nextUri", "lastUri")) {
      if (page.path(link).asString("").toLowerCase(Locale.ROOT).contains("includeschemas=true")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every entity is a data action (each names its integration): a listing of them without
   * their contracts was told to be fetched again from the flows API.
   */
  private static boolean dataActions(JsonNode entities) {
    for (JsonNode e : entities) {
      if (!e.has("integrationId")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an API object says anything about its inputs: a Flow fetched without schemas (its
   * publishedVersion only names the version) was imported as a flow with no inputs, so a launch
   * that gave none of its required inputs was clean.
   */
  private static boolean hasSchema(JsonNode entity) {
    JsonNode published = entity.path("publishedVersion");
    return entity.has("inputSchema")
        || entity.has("outputSchema")
        || published.has("inputSchema")
        || published.has("outputSchema");
  }

  /**
   * One Flow, FlowVersion or FlowDivisionView object; {@code source} is written into the schema.
   */
  public Optional<FlowDefinition> flow(String where, String source, JsonNode entity)
      throws SourceException {
    if (!entity.isObject()) {
      throw new SourceException(where, "a flow entry is not an object");
    }
    JsonNode published = entity.path("publishedVersion");
    JsonNode inputSchema =
        entity.has("inputSchema") ? entity.get("inputSchema") : published.path("inputSchema");
    JsonNode outputSchema =
        entity.has("outputSchema") ? entity.get("outputSchema") : published.path("outputSchema");

    boolean isVersion =
        entity.has("commitVersion")
            || entity.has("configurationVersion")
            || entity.has("generationId");
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
    String name =
        text(entity.get("name"))
            .or(() -> text(inputSchema.get("title")))
            .orElseThrow(() -> new SourceException(where, "flow has no name"));
    if (isVersion && (name.equals(version.orElse("")) || name.equals("Flow input schema"))) {
      // A FlowVersion names the version ("2.0"), not the flow: the saved file's name is the best
      // stand-in.
      name = ArchyYamlReader.fileStem(source).replaceFirst("_v\\d+-\\d+$", "");
    }
    // A FlowVersion's "type" is how the version was made (PUBLISH, CHECKIN, SAVE), not the flow's
    // type: it made a flow of type "publish".
    String type =
        text(entity.get("type"))
            .map(t -> t.toLowerCase(Locale.ROOT))
            .filter(t -> !(isVersion && VERSION_TYPES.contains(t)))
            .orElse("workflow");
    String scope = FlowDefinition.scopeFor(type);

    List<Variable> variables = new ArrayList<>();
    List<String> inputNames = new ArrayList<>();
    JsonNode props = inputSchema.path("properties");
    for (String key : props.propertyNames()) {
      String full = key.contains(".") ? key : scope + "." + key;
      inputNames.add(full);
      JsonNode property = resolve(props.get(key), inputSchema, 0);
      variables.add(
          variable(where, full, property, true, outputSchema.path("properties").has(key), true));
    }
    JsonNode outProps = outputSchema.path("properties");
    for (String key : outProps.propertyNames()) {
      String full = key.contains(".") ? key : scope + "." + key;
      if (!inputNames.contains(full)) {
        variables.add(
            variable(where, full, resolve(outProps.get(key), outputSchema, 0), false, true, false));
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
    return Optional.of(
        new FlowDefinition(name, id, type, scope, variables, required, version, source));
  }

  /**
   * Maps a property schema back to the Architect type it stands for. A type written with null
   * beside it ({@code ["integer", "null"]}, a nullable input) is that type; a schema that names no
   * Architect type is kept as the contract rather than read as "any value".
   */
  private static Variable variable(
      String where, String name, JsonNode schema, boolean input, boolean output, boolean keep)
      throws SourceException {
    String dangling = input ? danglingRef(schema) : null;
    if (dangling != null) {
      throw new SourceException(
          where,
          "input \""
              + name
              + "\" refers to "
              + dangling
              + ", which the schema does not define (or which leads back to itself); its type cannot be known");
    }
    boolean collection = "array".equals(nonNullType(schema));
    JsonNode element = collection ? schema.path("items") : schema;
    String type =
        text(schema.get("x-genesys-type"))
            .map(
                t ->
                    t.endsWith("Collection")
                        ? t.substring(0, t.length() - "Collection".length())
                        : t)
            .orElseGet(() -> typeOf(element));
    Optional<String> description = text(schema.get("description"));
    // The platform's own shape (oneOf branches tagged archDataTypeId) is the contract: keep it. So
    // is a schema that names no type flowlint knows, which flowlint's own would widen to any value.
    boolean platform = ArchTypes.isPlatformShape(schema);
    boolean unknown = type.equals("Unknown") && schema.isObject() && !schema.isEmpty();
    return new Variable(
        name,
        type,
        collection,
        input,
        output,
        false,
        InitialValue.UNKNOWN,
        description,
        keep && (platform || unknown) ? Optional.of(schema) : Optional.empty());
  }

  /** The schema's one type other than null ({@code ["integer", "null"]} → integer), or "". */
  private static String nonNullType(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isString()) {
      return type.asString();
    }
    String found = "";
    for (JsonNode t : type) {
      if (!t.asString("").equals("null")) {
        if (!found.isEmpty()) {
          return "";
        }
        found = t.asString("");
      }
    }
    return found;
  }

  /** A local {@code $ref} left unresolved anywhere in {@code schema}, or null. */
  private static String danglingRef(JsonNode schema) {
    if (schema == null || !schema.isContainer()) {
      return null;
    }
    String ref = schema.path("$ref").asString("");
    if (ref.startsWith("#")) {
      return ref;
    }
    for (JsonNode child : schema) {
      String d = danglingRef(child);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * The property with every local {@code $ref} ({@code #/definitions/archString}) replaced by what
   * it points at, its own keywords (a description) kept beside it.
   */
  static JsonNode resolve(JsonNode schema, JsonNode root, int depth) {
    if (schema == null || depth > 16) {
      return schema;
    }
    if (schema.isArray()) {
      tools.jackson.databind.node.ArrayNode out =
          tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      schema.forEach(n -> out.add(resolve(n, root, depth + 1)));
      return out;
    }
    if (!schema.isObject()) {
      return schema;
    }
    tools.jackson.databind.node.ObjectNode out =
        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    String ref = schema.path("$ref").asString("");
    if (ref.startsWith("#/")) {
      JsonNode target = root.at(ref.substring(1));
      if (!target.isMissingNode()) {
        JsonNode resolved = resolve(target, root, depth + 1);
        resolved.propertyNames().forEach(k -> out.set(k, resolved.get(k)));
      }
    }
    for (String k : schema.propertyNames()) {
      if (!(k.equals("$ref")
          && ref.startsWith("#/")
          && !root.at(ref.substring(1)).isMissingNode())) {
        out.set(k, resolve(schema.get(k), root, depth + 1));
      }
    }
    return out;
  }

  private static String typeOf(JsonNode schema) {
    Optional<String> arch = ArchTypes.architectType(schema);
    if (arch.isPresent()) {
      return arch.get();
    }
    String format = schema.path("format").asString("");
    return switch (nonNullType(schema)) {
      case "string" ->
          switch (format) {
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
