package dev.flowlint.source;

import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.InitialValue;
import dev.flowlint.model.Variable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Architect UI exports ({@code .i3WorkFlow}, {@code .i3CommonModuleFlow} ...): base64 of
 * percent-encoded JSON. Only the top-level {@code variables} are the flow's own; the copies under
 * {@code commonModules[]} describe the modules it calls.
 */
public final class ArchitectExportReader implements FlowReader {
  static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");
  private static final JsonMapper JSON = dev.flowlint.io.CanonicalJson.strictMapper();

  @Override
  public String formatName() {
    return "Architect export";
  }

  /** By name (.i3...), or base64 text that is not YAML. */
  @Override
  public boolean reads(Input file) {
    String trimmed = file.source().text().strip();
    return file.json().isEmpty()
        && (file.path().toLowerCase(Locale.ROOT).contains(".i3")
            || (BASE64_TEXT.matcher(trimmed).matches() && !trimmed.contains(":")));
  }

  @Override
  public List<FlowDefinition> read(Input file) throws SourceException {
    return read(file.source());
  }

  public List<FlowDefinition> read(SourceText source) throws SourceException {
    String path = source.displayPath();
    byte[] decoded;
    try {
      decoded = Base64.getMimeDecoder().decode(source.text().strip());
    } catch (IllegalArgumentException e) {
      throw new SourceException(path, "Architect export is not valid base64: " + e.getMessage());
    }
    if (!BASE64_TEXT.matcher(source.text()).matches() || source.text().strip().length() % 4 != 0) {
      throw new SourceException(
          path, "Architect export is not valid base64 (length or characters are off)");
    }
    SourceText inner = SourceText.decode(decoded, path + " (decoded)");
    String json = percentDecode(path, inner.text());
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw ArchyYamlReader.located(
          path + " (decoded)", e, "Architect export does not decode to JSON");
    }
    if (root == null
        || !root.isObject()
        || !root.path("type").isString()
        || !root.path("name").isString()) {
      throw new SourceException(path, "Architect export has no flow \"type\" and \"name\"");
    }
    String type = root.get("type").asString().toLowerCase(Locale.ROOT);
    List<Variable> variables = new ArrayList<>();
    JsonNode list = root.path("variables");
    for (JsonNode v : list) {
      variables.add(variable(path, v));
    }
    return List.of(
        new FlowDefinition(
                root.get("name").asString(),
                Optional.empty(),
                type,
                FlowDefinition.scopeFor(type),
                variables,
                Optional.empty(),
                Optional.empty(),
                path)
            .withCompatibleFlowTypes(CompatibleFlowTypes.fromExport(root)));
  }

  private static Variable variable(String path, JsonNode v) throws SourceException {
    String name = v.path("name").asString("");
    String kind = v.path("__type").asString("");
    if (name.isEmpty() || !kind.endsWith("Variable")) {
      throw new SourceException(path, "a variable has no name or __type");
    }
    String base = kind.substring(0, kind.length() - "Variable".length());
    String type =
        "Complex".equals(base) && v.path("typeIdentifier").isString()
            ? ArchitectTypes.fromComplexIdentifier(v.get("typeIdentifier").asString())
            : ArchitectTypes.canonical(base);
    boolean collection = v.path("isCollection").asBoolean(false);
    Optional<String> description =
        v.path("description").isString() && !v.get("description").asString().isBlank()
            ? Optional.of(v.get("description").asString().strip())
            : Optional.empty();
    return new Variable(
        name,
        type,
        collection,
        v.path("isInput").asBoolean(false),
        v.path("isOutput").asBoolean(false),
        v.path("isSecure").asBoolean(false),
        initialValue(type, collection, v.path("initialValue")),
        description);
  }

  private static InitialValue initialValue(String type, boolean collection, JsonNode init) {
    JsonNode config = init.path("config");
    if (config.has("lit")) {
      String text = init.path("text").asString(config.path("lit").path("text").asString(""));
      JsonNode raw =
          collection
              ? parseOrNull(text)
              : tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text);
      return new InitialValue.Literal(ArchitectTypes.literalJson(type, collection, raw), text);
    }
    if (config.has("exp")) {
      return new InitialValue.Expression(init.path("text").asString(""));
    }
    return InitialValue.NONE;
  }

  private static JsonNode parseOrNull(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** encodeURIComponent's inverse: {@code %XX} sequences are UTF-8 bytes; '+' stays '+'. */
  static String percentDecode(String path, String text) throws SourceException {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '%') {
        int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
        int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new SourceException(
              path, "Architect export has a broken %-escape at decoded offset " + i);
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(b);
      }
    }
    return SourceText.decode(out.toByteArray(), path + " (decoded)").text();
  }
}
