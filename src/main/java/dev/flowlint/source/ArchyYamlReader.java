package dev.flowlint.source;

import static dev.flowlint.io.JsonText.text;

import dev.flowlint.io.YamlTrees;
import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.InitialValue;
import dev.flowlint.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Reads Archy YAML flow files (also Terraform templates of them with {{placeholders}}). */
public final class ArchyYamlReader implements FlowReader {
  private static final Pattern KEYWORD = Pattern.compile("^([a-zA-Z]+?)(Collection)?Variable$");

  /** Root keys that are not their API type once lower-cased. */
  private static final Map<String, String> TYPE_ALIASES =
      Map.of(
          "botFlow", "bot",
          "digitalBotFlow", "digitalbot",
          "digitalBot", "digitalbot");

  @Override
  public String formatName() {
    return "Archy YAML";
  }

  /**
   * Whatever is not JSON (and not an Architect export, asked first), and JSON whose top level names
   * an Archy flow type: JSON is YAML, and {@code {"workflow": {...}}} was passed over as another
   * tool's file.
   */
  @Override
  public boolean reads(Input file) {
    if (file.json().isEmpty()) {
      return true;
    }
    JsonNode root = file.json().get();
    if (!root.isObject()) {
      return false;
    }
    for (String key : root.propertyNames()) {
      if (ArchyRootKeys.ALL.contains(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<FlowDefinition> read(Input file) throws SourceException {
    if (file.json().isPresent()) {
      // Valid JSON holds a raw tab only between tokens (in a string it is escaped), where YAML
      // refuses it as indentation: a flow in JSON form indented with tabs was "not valid YAML". A
      // space in its place is the same JSON, with every line and column where it was.
      SourceText source = file.source();
      return read(new SourceText(source.displayPath(), source.text().replace('\t', ' ')));
    }
    return read(file.source());
  }

  public List<FlowDefinition> read(SourceText source) throws SourceException {
    String path = source.displayPath();
    JsonNode root;
    JsonNode texts;
    try {
      // Aliases and merge keys as Archy's YAML loader reads them (isInput: *yes is true, not the
      // text "yes"); names, descriptions and literals keep the text they are written with: a flow
      // named 1.10 is "1.10", not the number 1.1.
      YamlTrees.Trees trees = YamlTrees.read(TemplatePlaceholders.protect(source.text()));
      root = trees.typed();
      texts = trees.text();
    } catch (YamlTrees.Invalid e) {
      String reason = "not valid YAML: " + TemplatePlaceholders.restore(e.getMessage());
      throw e.line() > 0
          ? new SourceException(path, e.line(), e.column(), reason)
          : new SourceException(path, reason);
    }
    if (root == null || !root.isObject() || root.size() == 0) {
      throw new SourceException(
          path,
          "not an Archy flow: expected a top-level key naming the flow type (workflow:, commonModule:, inboundCall: ...)");
    }
    String rootKey = root.propertyNames().iterator().next();
    JsonNode flow = root.get(rootKey);
    JsonNode flowText = texts.path(rootKey);
    if (root.size() != 1 || !flow.isObject() || !rootKey.matches("[a-z][a-zA-Z]*")) {
      throw new SourceException(
          path,
          1,
          1,
          "not an Archy flow: expected one top-level key naming the flow type (workflow:, commonModule:, inboundCall: ...), found \""
              + rootKey
              + "\"");
    }
    String type = flowType(rootKey);
    JsonNode nameNode = flowText.get("name");
    if (nameNode == null || !nameNode.isValueNode() || nameNode.asString().isBlank()) {
      throw new SourceException(path, "Archy " + rootKey + " has no name");
    }
    String name = TemplatePlaceholders.restore(nameNode.asString());
    if (name.contains("{{") || name.contains("${")) {
      // A Terraform template names its flow at deploy time; the file name is the best stand-in.
      name = fileStem(path);
    }
    for (String key : flow.propertyNames()) {
      if (!key.equals("variables") && nearVariables(key)) {
        // Archy reads only "variables": the inputs under a misspelt key were silently none, so a
        // launch giving none of them was clean.
        throw new SourceException(
            path,
            "Archy "
                + rootKey
                + " has a key \""
                + key
                + "\" where \"variables\" is meant; its variables would not be read");
      }
    }
    List<Variable> variables = variables(path, flow.get("variables"), flowText.path("variables"));
    return List.of(
        new FlowDefinition(
                name,
                Optional.empty(),
                type,
                FlowDefinition.scopeFor(type),
                variables,
                Optional.empty(),
                Optional.empty(),
                path)
            .withCompatibleFlowTypes(CompatibleFlowTypes.fromYaml(flowText)));
  }

  /** A variable's keys by their folded form ({@code isinput}, {@code is_input} → isInput). */
  private static final Map<String, String> VARIABLE_KEYS =
      Map.of(
          "name", "name",
          "isinput", "isInput",
          "isoutput", "isOutput",
          "issecure", "isSecure",
          "initialvalue", "initialValue",
          "description", "description");

  /** {@code Variables}, {@code varaibles}, {@code variable}: within two edits of "variables". */
  static boolean nearVariables(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    if (k.equals("variables")) {
      return true;
    }
    if (Math.abs(k.length() - "variables".length()) > 2) {
      return false;
    }
    String t = "variables";
    int[][] d = new int[k.length() + 1][t.length() + 1];
    for (int i = 0; i <= k.length(); i++) {
      for (int j = 0; j <= t.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = k.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && k.charAt(i - 1) == t.charAt(j - 2)
            && k.charAt(i - 2) == t.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[k.length()][t.length()] <= 2;
  }

  /**
   * The API form of an Archy root key: {@code inboundCall} → {@code inboundcall}, {@code botFlow} →
   * {@code bot}.
   */
  static String flowType(String rootKey) {
    return TYPE_ALIASES.getOrDefault(rootKey, rootKey.toLowerCase(java.util.Locale.ROOT));
  }

  /** One template placeholder: {@code {{x}}} or {@code ${x}}. */
  private static final String PLACEHOLDER = "(\\{\\{[^{}\\n]*\\}\\}|\\$\\{[^{}\\n]*\\})";

  /** A flag that is wholly one template placeholder. */
  private static final java.util.regex.Pattern TEMPLATED_FLAG =
      java.util.regex.Pattern.compile("\\s*" + PLACEHOLDER + "\\s*");

  /** The same on its line of the file, for the note. */
  private static final java.util.regex.Pattern TEMPLATED_FLAG_LINE =
      java.util.regex.Pattern.compile(
          "(?m)^[ \\t-]*(isInput|isOutput|isSecure):\\s*[\"']?" + PLACEHOLDER + "[\"']?\\s*$");

  private static final java.util.regex.Pattern PLACEHOLDER_NAME =
      java.util.regex.Pattern.compile(
          "(?m)^\\s+name:\\s*[\"']?(\\{\\{[^}\\n]*\\}\\}|\\$\\{[^}\\n]*\\})");

  /**
   * The flags a templated file leaves to its template ({@code isInput: ${is_input}}), each read as
   * true: "line N: isInput is the template placeholder ${is_input}".
   */
  List<String> templatedFlags(SourceText source) {
    List<String> out = new ArrayList<>();
    String text = source.text();
    if (text.indexOf("{{") < 0 && text.indexOf("${") < 0) {
      return out;
    }
    java.util.regex.Matcher m = TEMPLATED_FLAG_LINE.matcher(text);
    int line = 1;
    int counted = 0; // lines are counted up to here, once over the whole text
    while (m.find()) {
      for (; counted < m.start(); counted++) {
        line += text.charAt(counted) == '\n' ? 1 : 0;
      }
      out.add("line " + line + ": " + m.group(1) + " is the template placeholder " + m.group(2));
    }
    return out;
  }

  /** The placeholder a templated file names its flow with ({@code {{flow_name}}}), if it does. */
  Optional<String> placeholderName(SourceText source) {
    java.util.regex.Matcher m = PLACEHOLDER_NAME.matcher(source.text());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** {@code modules/flow/blacklist.yaml.tftpl} → {@code blacklist}. */
  static String fileStem(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    String stem = file.replaceAll("(?i)(\\.(ya?ml|tftpl|tmpl|json))+$", "");
    return stem.isEmpty() ? file : stem;
  }

  /**
   * The variables of {@code list}; {@code texts} is the same list with every scalar as written (see
   * {@link YamlTrees}), which names, descriptions and literals are read from.
   */
  private static List<Variable> variables(String path, JsonNode list, JsonNode texts)
      throws SourceException {
    List<Variable> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw new SourceException(path, "\"variables\" is not a list");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isObject() || item.size() != 1) {
        throw new SourceException(
            path, "a \"variables\" entry is not a single <type>Variable mapping");
      }
      String keyword = item.propertyNames().iterator().next();
      Matcher m = KEYWORD.matcher(keyword);
      if (!m.matches()) {
        throw new SourceException(
            path, "unknown variable keyword \"" + keyword + "\" (expected <type>Variable)");
      }
      JsonNode body = item.get(keyword);
      JsonNode bodyText = texts.path(i).path(keyword);
      for (String key : body.propertyNames()) {
        String known =
            VARIABLE_KEYS.get(key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
        if (known != null && !known.equals(key)) {
          // isinput: true was not read as isInput, so the input was silently none.
          throw new SourceException(
              path,
              "a "
                  + keyword
                  + " has the key \""
                  + key
                  + "\"; Archy reads \""
                  + known
                  + "\" (names are case-sensitive)");
        }
      }
      JsonNode name = bodyText.get("name");
      if (name == null || !name.isString() || name.asString().isBlank()) {
        throw new SourceException(path, "a " + keyword + " has no name");
      }
      String type = ArchitectTypes.canonical(m.group(1));
      boolean collection = m.group(2) != null;
      out.add(
          new Variable(
              TemplatePlaceholders.restore(name.asString()),
              type,
              collection,
              flag(path, name, body, "isInput"),
              flag(path, name, body, "isOutput"),
              flag(path, name, body, "isSecure"),
              initialValue(
                  type, collection, body.get("initialValue"), bodyText.get("initialValue")),
              text(bodyText.get("description")).map(d -> TemplatePlaceholders.restore(d).strip())));
    }
    return out;
  }

  /**
   * {@code isInput} and its like: true or false (also quoted). Anything else ({@code yes}, which
   * YAML 1.2 reads as text) was read as false, so an input meant as one silently was none.
   */
  private static boolean flag(String path, JsonNode name, JsonNode body, String key)
      throws SourceException {
    JsonNode v = body.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String word = v.isValueNode() ? v.asString().strip().toLowerCase(java.util.Locale.ROOT) : "";
    if (word.equals("true") || word.equals("false")) {
      return word.equals("true");
    }
    if (v.isString()
        && TEMPLATED_FLAG.matcher(TemplatePlaceholders.restore(v.asString())).matches()) {
      // A template decides (isInput: ${is_input}): read as true, so a payload that gives
      // the input is checked rather than called unknown, and one that leaves it out is told.
      // FlowSources notes each such flag (templatedFlags).
      return true;
    }
    throw new SourceException(
        path,
        "variable \""
            + TemplatePlaceholders.restore(name.asString())
            + "\": "
            + key
            + " is "
            + (v.isValueNode()
                ? "\"" + TemplatePlaceholders.restore(v.asString()) + "\""
                : "not a value")
            + ", not true or false");
  }

  /**
   * {@code init} as read, and {@code text} the same with its scalars as written: a literal is
   * judged from its text ({@code 1.10} stays 1.10 for a String, a Decimal or a Date), except a Json
   * literal written as a mapping or list, whose members keep their YAML types.
   */
  private static InitialValue initialValue(
      String type, boolean collection, JsonNode init, JsonNode text) {
    if (init == null || !init.isObject() || text == null) {
      return InitialValue.NONE;
    }
    if (init.has("lit")) {
      JsonNode typed = restored(init.get("lit"));
      JsonNode written = restored(text.path("lit"));
      JsonNode lit = type.equals("Json") && typed.isContainer() ? typed : written;
      return new InitialValue.Literal(
          ArchitectTypes.literalJson(type, collection, lit),
          written.isValueNode() ? written.asString() : typed.toString());
    }
    if (init.has("exp")) {
      return new InitialValue.Expression(TemplatePlaceholders.restore(text.path("exp").asString()));
    }
    return InitialValue.NONE;
  }

  private static JsonNode restored(JsonNode node) {
    if (node.isString()) {
      return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(
          TemplatePlaceholders.restore(node.asString()));
    }
    return node;
  }

  static SourceException located(String path, JacksonException e, String what) {
    TokenStreamLocation loc = e.getLocation();
    String reason = what + ": " + firstLine(e.getOriginalMessage());
    if (loc != null && loc.getLineNr() > 0) {
      return new SourceException(path, loc.getLineNr(), loc.getColumnNr(), reason);
    }
    return new SourceException(path, reason);
  }

  /**
   * Plain words from a parser message: SnakeYAML's multi-line report becomes "problem (context)",
   * and Jackson's limits lose their Java API names.
   */
  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    if (message.contains("nesting depth")) {
      return "nested too deeply (more than 500 levels)";
    }
    List<String> plain = message.lines().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
    String line = plain.isEmpty() ? message.strip() : plain.get(plain.size() - 1).strip();
    if (plain.size() > 1) {
      line = line + " (" + plain.get(0).strip() + ")";
    }
    line = line.replaceAll("\\s*\\(from `[^`]*`\\)", "");
    // Jackson's location marker ("[Source: REDACTED (...); line: 1, column: 2]") says nothing to a
    // person.
    line =
        line.replaceAll(
                "\\s*\\(for (\\w+) starting at \\[Source:[^\\]]*\\]\\)",
                " (for the $1 opened before)")
            .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
            .replace("Array opened", "array opened")
            .replace("Object opened", "object opened");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
