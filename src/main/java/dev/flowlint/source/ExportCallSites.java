package dev.flowlint.source;

import dev.flowlint.model.CallLocation;
import dev.flowlint.model.CallSite;
import dev.flowlint.model.CallSite.Binding;
import dev.flowlint.model.CallSite.Kind;
import dev.flowlint.model.CallSite.ValueKind;
import dev.flowlint.model.FlowCalls;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Finds the call sites of an Architect export ({@code CallCommonModuleAction}, {@code DataAction},
 * {@code SecureAction}, {@code CallBotFlowAction}). An export has no readable lines, so each place
 * is the action (its name, its state or task, its tracking id) and a JSON Pointer into the decoded
 * export. The copies of called modules under {@code commonModules[]} are the modules' own actions
 * and are skipped.
 */
public final class ExportCallSites {
  private static final int MAX_DEPTH = 500;

  private ExportCallSites() {}

  public static FlowCalls read(SourceText source) throws SourceException {
    JsonNode root = decode(source);
    String type = root.path("type").asString("").toLowerCase(Locale.ROOT);
    List<CallSite> calls = new ArrayList<>();
    for (String key : root.propertyNames()) {
      if (!key.equals("commonModules")) {
        visit(
            root.get(key),
            "/" + YamlCallSites.token(key),
            key.equals("flowSequenceItemList"),
            "",
            calls,
            0);
      }
    }
    return new FlowCalls(root.path("name").asString(""), type, calls);
  }

  /** Base64 of percent-encoded JSON, as {@link ArchitectExportReader} reads it. */
  public static JsonNode decode(SourceText source) throws SourceException {
    String path = source.displayPath();
    String text = source.text().strip();
    if (!ArchitectExportReader.BASE64_TEXT.matcher(text).matches()
        || text.replaceAll("\\s", "").length() % 4 != 0) {
      throw new SourceException(
          path, "Architect export is not valid base64 (length or characters are off)");
    }
    byte[] decoded;
    try {
      decoded = Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new SourceException(path, "Architect export is not valid base64: " + e.getMessage());
    }
    String json =
        ArchitectExportReader.percentDecode(
            path, SourceText.decode(decoded, path + " (decoded)").text());
    JsonNode root;
    try {
      root = dev.flowlint.io.CanonicalJson.mapper().readTree(json);
    } catch (JacksonException e) {
      throw ArchyYamlReader.located(
          path + " (decoded)", e, "Architect export does not decode to JSON");
    }
    if (root == null || !root.isObject() || !root.path("type").isString()) {
      throw new SourceException(path, "Architect export has no flow \"type\"");
    }
    return root;
  }

  /**
   * @param sequenceItems node is the flowSequenceItemList array (its elements are states, tasks
   *     ...)
   */
  private static void visit(
      JsonNode node,
      String pointer,
      boolean sequenceItems,
      String container,
      List<CallSite> calls,
      int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        String here = container;
        if (sequenceItems && item.path("name").isString()) {
          String type = item.path("__type").asString("");
          here =
              words(type.isEmpty() ? "state" : type) + " \"" + item.get("name").asString() + "\"";
        }
        visit(item, pointer + "/" + i, false, here, calls, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String type = node.path("__type").asString("");
    String here = container;
    switch (type) {
      case "CallCommonModuleAction" ->
          calls.add(call(Kind.MODULE, node, "flowName", "flowId", pointer, here));
      case "CallBotFlowAction" ->
          calls.add(call(Kind.BOT_FLOW, node, "flowName", "flowId", pointer, here));
      // "SecureAction" is the Secure Call Data Action: exports name it so beside "DataAction" in
      // defaultSettings, as Archy YAML has callDataSecure beside callData.
      case "DataAction", "SecureAction" ->
          calls.add(call(Kind.DATA_ACTION, node, "actionName", "actionId", pointer, here));
      default -> {}
    }
    for (String key : node.propertyNames()) {
      visit(
          node.get(key),
          pointer + "/" + YamlCallSites.token(key),
          key.equals("flowSequenceItemList"),
          here,
          calls,
          depth + 1);
    }
  }

  private static CallSite call(
      Kind kind, JsonNode action, String nameKey, String idKey, String pointer, String container) {
    String actionName = action.path("name").asString(kind.action());
    int tracking = action.path("trackingId").isNumber() ? action.get("trackingId").asInt() : -1;
    Optional<String> version =
        action.path("flowVersion").isString()
            ? Optional.of(action.get("flowVersion").asString())
            : action.path("flowLatestVersion").asBoolean(false)
                ? Optional.of("latestPublished")
                : Optional.empty();
    String id = action.path(idKey).asString("");
    return new CallSite(
        kind,
        action.path(nameKey).asString(""),
        id.isEmpty() ? Optional.empty() : Optional.of(id),
        version,
        bindings(action.path("inputs"), pointer + "/inputs", actionName, container, tracking),
        bindings(action.path("outputs"), pointer + "/outputs", actionName, container, tracking),
        new CallLocation.ExportAction(actionName, container, tracking, pointer));
  }

  private static List<Binding> bindings(
      JsonNode list, String pointer, String action, String container, int tracking) {
    List<Binding> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode b = list.get(i);
      if (!b.path("name").isString()) {
        continue;
      }
      JsonNode value = b.path("value");
      JsonNode config = value.path("config");
      ValueKind kind;
      Optional<String> literal = Optional.empty();
      if (config.has("emp") || !config.isObject() || config.isEmpty()) {
        kind = ValueKind.NO_VALUE;
      } else if (config.has("lit")) {
        kind = ValueKind.LIT;
        literal =
            Optional.of(config.path("lit").path("text").asString(value.path("text").asString("")));
      } else if (config.has("ref")) {
        kind = ValueKind.VAR;
      } else {
        kind = ValueKind.EXP;
      }
      out.add(
          new Binding(
              b.get("name").asString(),
              kind,
              literal,
              new CallLocation.ExportAction(
                  action, container, tracking, pointer + "/" + i + "/name")));
    }
    return out;
  }

  /** "ReusableTask" → "reusable task". */
  private static String words(String type) {
    return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
