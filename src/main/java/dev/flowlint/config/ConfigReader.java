package dev.flowlint.config;

import static dev.flowlint.io.JsonText.text;

import dev.flowlint.io.YamlTrees;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.source.SourceException;
import dev.flowlint.source.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Reads and validates {@code flowlint.yaml}; every mistake is named with the key it is under. */
public final class ConfigReader {
  public static final String DEFAULT_FILE = "flowlint.yaml";
  private static final Set<String> KEYS =
      Set.of(
          "schemas", "payloads", "required", "flows", "rules", "include", "exclude", "templates");

  private ConfigReader() {}

  public static Config read(Path file, String display) throws ConfigException {
    JsonNode root;
    JsonNode texts;
    try {
      String text = SourceText.load(file, display).text();
      // As a YAML loader reads it: aliases stand for what they name and merge keys merge; a key
      // written twice is an error (the second silently replaced the first: two "flows:" kept only
      // the last one's overrides). Flow names, globs and template values are text as written:
      // "flow: 1.10" names the flow "1.10", not the number 1.1 (rule severities and input
      // constraints keep their YAML types).
      YamlTrees.Trees trees = YamlTrees.read(text);
      root = trees.typed();
      texts = trees.text();
    } catch (SourceException e) {
      throw new ConfigException(e.getMessage());
    } catch (YamlTrees.Invalid e) {
      throw new ConfigException(
          display
              + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "")
              + ": not valid YAML: "
              + e.getMessage());
    }
    if (root == null || root.isNull()) {
      return Config.EMPTY;
    }
    if (!root.isObject()) {
      throw new ConfigException(
          display
              + ": expected a mapping of settings (schemas, payloads, required, flows, rules, include, exclude, templates)");
    }
    for (String key : root.propertyNames()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(
            display
                + ": unknown setting \""
                + key
                + "\"; known: "
                + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    Optional<String> schemas = text(scalar(display, "schemas", texts.get("schemas")));
    Optional<RequiredPolicy> required = Optional.empty();
    if (root.has("required")) {
      String word = text(scalar(display, "required", texts.get("required"))).orElse("");
      required =
          Optional.of(
              RequiredPolicy.parse(word)
                  .orElseThrow(
                      () ->
                          new ConfigException(
                              display
                                  + ": required: \""
                                  + word
                                  + "\" is not one of no-default, schema, all, none")));
    }
    List<String> include = strings(display, "include", texts.get("include"));
    for (String glob : include) {
      checkGlob(display + ": include", glob);
    }
    List<String> exclude = strings(display, "exclude", texts.get("exclude"));
    for (String glob : exclude) {
      checkGlob(display + ": exclude", glob);
    }
    return new Config(
        schemas,
        payloads(display, texts.get("payloads")),
        required,
        flows(display, root.get("flows"), texts.get("flows")),
        rules(display, root.get("rules")),
        include,
        exclude,
        templates(display, texts.get("templates")));
  }

  /** A malformed glob is the user's mistake: say which and where, rather than fail on first use. */
  private static void checkGlob(String where, String glob) throws ConfigException {
    try {
      java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new ConfigException(
          where
              + ": the glob \""
              + glob
              + "\" is malformed: "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
    }
  }

  /** {@code templates: {common_module_name: "Resolve Contact"}}: placeholder name → value. */
  private static Map<String, String> templates(String display, JsonNode node)
      throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          display
              + ": templates: expected a mapping of placeholder name to value, such as common_module_name: \"Resolve Contact\"");
    }
    for (String key : node.propertyNames()) {
      JsonNode v = node.get(key);
      if (!v.isValueNode() || v.isNull()) {
        throw new ConfigException(display + ": templates." + key + ": expected a text value");
      }
      out.put(key, v.asString());
    }
    return out;
  }

  private static List<Config.PayloadMapping> payloads(String display, JsonNode node)
      throws ConfigException {
    List<Config.PayloadMapping> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new ConfigException(display + ": payloads: expected a list of {files, flow, envelope}");
    }
    int i = 0;
    for (JsonNode m : node) {
      String where = display + ": payloads[" + i++ + "]";
      if (m.isObject()) {
        for (String key : List.of("files", "flow", "envelope")) {
          scalar(where, key, m.get(key));
        }
      }
      if (!m.isObject() || text(m.get("files")).isEmpty()) {
        throw new ConfigException(
            where + ": needs \"files\" (a glob such as payloads/orders/*.json)");
      }
      for (String key : m.propertyNames()) {
        if (!Set.of("files", "flow", "envelope").contains(key)) {
          throw new ConfigException(
              where + ": unknown key \"" + key + "\"; known: files, flow, envelope");
        }
      }
      Optional<Envelope> envelope = Optional.empty();
      if (m.has("envelope")) {
        String e = text(m.get("envelope")).orElse("");
        envelope =
            Optional.of(
                Envelope.byId(e)
                    .orElseThrow(
                        () ->
                            new ConfigException(
                                where + ": envelope \"" + e + "\" is not one of " + envelopes())));
      }
      String files = text(m.get("files")).get();
      checkGlob(where + ".files", files);
      out.add(new Config.PayloadMapping(files, text(m.get("flow")), envelope));
    }
    return out;
  }

  /** What a flows entry may set; anything else is a typo whose override would silently vanish. */
  private static final List<String> FLOW_KEYS = List.of("required", "optional", "inputs");

  /** {@code texts} is {@code node} with its scalars as written, for the input names. */
  private static Map<String, Config.FlowOverride> flows(
      String display, JsonNode node, JsonNode texts) throws ConfigException {
    Map<String, Config.FlowOverride> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          display + ": flows: expected a mapping of flow name to {required, optional}");
    }
    for (String flow : node.propertyNames()) {
      JsonNode f = node.get(flow);
      JsonNode fText = texts.get(flow);
      String where = "flows." + flow;
      if (!f.isObject()) {
        throw new ConfigException(
            display + ": " + where + ": expected {required: [...], optional: [...]}");
      }
      for (String key : f.propertyNames()) {
        if (!FLOW_KEYS.contains(key)) {
          throw new ConfigException(
              display
                  + ": "
                  + where
                  + ": unknown key \""
                  + key
                  + "\"; known: "
                  + String.join(", ", FLOW_KEYS));
        }
      }
      Set<String> required =
          new LinkedHashSet<>(strings(display, where + ".required", fText.get("required")));
      Set<String> optional =
          new LinkedHashSet<>(strings(display, where + ".optional", fText.get("optional")));
      for (String input : required) {
        if (optional.contains(input)) {
          throw new ConfigException(
              display
                  + ": "
                  + where
                  + ": "
                  + input
                  + " is listed both as required and as optional; keep one");
        }
      }
      out.put(
          flow,
          new Config.FlowOverride(
              required,
              optional,
              InputConstraints.read(display, where + ".inputs", f.get("inputs"))));
    }
    return out;
  }

  private static Map<String, Optional<Severity>> rules(String display, JsonNode node)
      throws ConfigException {
    Map<String, Optional<Severity>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          display + ": rules: expected a mapping of rule id to error, warning, info or off");
    }
    for (String id : node.propertyNames()) {
      if (Rule.byId(id).isEmpty()) {
        throw new ConfigException(
            display + ": rules: unknown rule \"" + id + "\"; 'flowlint rules' lists them");
      }
      JsonNode v = node.get(id);
      scalar(display, "rules." + id, v);
      String word = v.isBoolean() && !v.asBoolean() ? "off" : text(v).orElse("");
      if (word.equals("off")) {
        out.put(id, Optional.empty());
      } else {
        out.put(
            id,
            Optional.of(
                Severity.parse(word)
                    .orElseThrow(
                        () ->
                            new ConfigException(
                                display
                                    + ": rules."
                                    + id
                                    + ": \""
                                    + word
                                    + "\" is not one of error, warning, info, off"))));
      }
    }
    return out;
  }

  private static List<String> strings(String display, String where, JsonNode node)
      throws ConfigException {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isValueNode()) {
      out.add(node.asString());
      return out;
    }
    if (!node.isArray()) {
      throw new ConfigException(display + ": " + where + ": expected a list of strings");
    }
    int i = 0;
    for (JsonNode n : node) {
      // [[Flow.a]] or [{Flow.a: x}] is no name: said, not an internal error.
      if (!n.isValueNode() || n.isNull()) {
        throw new ConfigException(
            display + ": " + where + "[" + i + "]: expected a string, found " + kind(n));
      }
      out.add(n.asString());
      i++;
    }
    return out;
  }

  /**
   * {@code node}, which must be a plain value where one is given: a list or mapping there ({@code
   * schemas: [dir]}) was read as not given at all, so the setting silently did nothing.
   */
  private static JsonNode scalar(String display, String where, JsonNode node)
      throws ConfigException {
    if (node != null && node.isContainer()) {
      throw new ConfigException(
          display + ": " + where + ": expected a single value, found " + kind(node));
    }
    return node;
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "a list" : n.isObject() ? "a mapping" : "nothing";
  }

  private static String envelopes() {
    return Arrays.stream(Envelope.values()).map(Envelope::id).collect(Collectors.joining(", "));
  }
}
