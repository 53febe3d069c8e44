package dev.flowlint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A data action's input contract and request configuration, as exported.
 *
 * @param inputSchema {@code contract.input.inputSchema}, kept as it is
 * @param requestTemplate the Velocity request body template, when the export has one
 * @param successSchema {@code contract.output.successSchema}, when the source has one
 */
public record DataActionDefinition(
    String name,
    Optional<String> integrationType,
    Optional<String> requestType,
    Optional<String> requestUrlTemplate,
    Optional<String> requestTemplate,
    JsonNode inputSchema,
    String source,
    Optional<JsonNode> successSchema)
    implements Definition {

  public static final String TYPE = "data-action";

  public DataActionDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(successSchema, "successSchema");
  }

  /** An action whose source has no success (output) contract. */
  public DataActionDefinition(
      String name,
      Optional<String> integrationType,
      Optional<String> requestType,
      Optional<String> requestUrlTemplate,
      Optional<String> requestTemplate,
      JsonNode inputSchema,
      String source) {
    this(
        name,
        integrationType,
        requestType,
        requestUrlTemplate,
        requestTemplate,
        inputSchema,
        source,
        Optional.empty());
  }

  public DataActionDefinition withSuccessSchema(Optional<JsonNode> schema) {
    return new DataActionDefinition(
        name,
        integrationType,
        requestType,
        requestUrlTemplate,
        requestTemplate,
        inputSchema,
        source,
        schema);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean hasInputs() {
    return inputSchema.path("properties").isObject() && inputSchema.path("properties").size() > 0;
  }

  @Override
  public List<String> inputSummary() {
    List<String> out = new ArrayList<>();
    JsonNode props = inputSchema.path("properties");
    for (String key : props.propertyNames()) {
      out.add(key + " " + props.get(key).path("type").asString("?"));
    }
    return out;
  }
}
