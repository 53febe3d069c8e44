package dev.flowlint.schema;

import dev.flowlint.io.CanonicalJson;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of a whole request body beside each flow's inputs schema (DESIGN.md §4), so any JSON
 * Schema tool or editor checks a complete payload: {@code POST /api/v2/flows/executions} for a
 * workflow, the gateway's {@code shared-flow} envelope for a common module, and, for a flow that no
 * request can start (an inbound call, a bot ...), a schema nothing satisfies, saying why.
 */
public final class LaunchSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  private static final Set<String> NOT_LAUNCHABLE =
      Set.of(
          "inboundcall",
          "inboundemail",
          "inboundchat",
          "inboundshortmessage",
          "inqueuecall",
          "inqueueemail",
          "inqueueshortmessage",
          "outboundcall",
          "securecall",
          "bot",
          "digitalbot",
          "voicemail",
          "voicesurvey",
          "surveyinvite",
          "workitem");

  private LaunchSchemas() {}

  /**
   * Flow types no request body can start: they run when an interaction or another flow reaches
   * them.
   */
  public static boolean notLaunchable(String flowType) {
    return NOT_LAUNCHABLE.contains(flowType);
  }

  /**
   * @param inputs the flow's inputs schema as written
   * @param inputsFile its file name, which the launch schema references
   * @return empty for a data action (its execute body is the inputs object itself)
   */
  public static Optional<ObjectNode> of(JsonNode inputs, String inputsFile) {
    JsonNode meta = inputs.path("x-flowlint");
    String type = meta.path("flowType").asString("");
    if (type.equals("data-action")) {
      return Optional.empty();
    }
    String name = meta.path("flowName").asString(inputs.path("title").asString(inputsFile));
    ObjectNode launch = NODES.objectNode();
    launch.put("$schema", SchemaWriter.DIALECT);
    if (type.equals("commonmodule")) {
      sharedFlow(launch, name, inputs);
    } else if (notLaunchable(type)) {
      launch.put("title", name + " (cannot be launched)");
      launch.put(
          "description",
          "\""
              + name
              + "\" is "
              + article(type)
              + " flow: it runs when its interaction reaches it, "
              + "not through POST /api/v2/flows/executions, so no request body can start it");
      launch.set("not", NODES.objectNode());
    } else {
      flowExecution(launch, name, inputs, inputsFile, meta);
    }
    ObjectNode x = launch.putObject("x-flowlint");
    x.put("flowName", name);
    x.put("flowType", type);
    x.put("inputs", inputsFile);
    return Optional.of((ObjectNode) CanonicalJson.sorted(launch));
  }

  private static void flowExecution(
      ObjectNode launch, String name, JsonNode inputs, String inputsFile, JsonNode meta) {
    launch.put("title", name + " launch body");
    launch.put(
        "description", "The body of POST /api/v2/flows/executions that launches \"" + name + "\"");
    launch.put("type", "object");
    launch.put("additionalProperties", false);
    ArrayNode required = launch.putArray("required").add("flowId");
    if (inputs.path("required").size() > 0) {
      required.add("inputData"); // required inputs must come from somewhere
    }
    ObjectNode props = launch.putObject("properties");
    ObjectNode flowId = props.putObject("flowId");
    String id = meta.path("flowId").asString("");
    if (id.isEmpty()) {
      flowId.put("type", "string");
      flowId.put("pattern", UUID);
      flowId.put("description", "The flow's UUID (unknown at import: the definition carried none)");
    } else {
      flowId.put("const", id);
      flowId.put("description", "The UUID of \"" + name + "\"");
    }
    ObjectNode version = props.putObject("flowVersion");
    version.put("type", "string");
    version.put(
        "description",
        "A version such as \"2.0\"; omit it to run the latest published version"
            + (meta.has("flowVersion")
                ? " (the schema describes version " + meta.path("flowVersion").asString() + ")"
                : ""));
    props
        .putObject("name")
        .put("type", "string")
        .put("description", "A display name for the execution");
    props.putObject("inputData").put("$ref", inputsFile);
  }

  /** A common module through a gateway: {flowType: "shared", inputs: {bare names}, metadata}. */
  private static void sharedFlow(ObjectNode launch, String name, JsonNode inputs) {
    launch.put("title", name + " shared-flow request");
    launch.put(
        "description",
        "The shared-flow request a gateway turns into a call of the common module \""
            + name
            + "\"; inputs are bare names, copied from the inputs schema at import");
    launch.put("type", "object");
    launch.put("additionalProperties", false);
    ArrayNode required = launch.putArray("required").add("flowType");
    ObjectNode bare = NODES.objectNode();
    bare.put("type", "object");
    bare.put("additionalProperties", false);
    ObjectNode props = bare.putObject("properties");
    for (String key : inputs.path("properties").propertyNames()) {
      props.set(FlowSchema.bare(key), inputs.path("properties").get(key).deepCopy());
    }
    ArrayNode req = bare.putArray("required");
    inputs.path("required").forEach(r -> req.add(FlowSchema.bare(r.asString())));
    if (req.size() > 0) {
      required.add("inputs");
    }
    ObjectNode top = launch.putObject("properties");
    top.putObject("flowType").put("const", "shared");
    top.set("inputs", bare);
    top.putObject("metadata")
        .put("type", "object")
        .put("description", "Gateway metadata, such as correlationId");
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.isEmpty() ? 'x' : type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }
}
