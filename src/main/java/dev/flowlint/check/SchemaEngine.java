package dev.flowlint.check;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.schema.SchemaStore.BadSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The one place networknt is set up. Each schema is compiled once per run, in the dialect its own
 * {@code $schema} names (2020-12 when it names none), with {@code format} asserted rather than
 * merely annotated: a person who writes {@code "format": "email"} into a schema means it.
 */
final class SchemaEngine {
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private final Map<String, Schema> compiled = new HashMap<>();

  /**
   * @param key identifies the document for the run (its file, plus anything that changed it)
   * @param what names the schema in a message when networknt cannot use it
   */
  List<Error> validate(String key, JsonNode document, JsonNode instance, String what) {
    try {
      Schema schema = compiled.computeIfAbsent(key, k -> registry.getSchema(document));
      return schema.validate(instance);
    } catch (RuntimeException e) {
      throw new BadSchema(
          what
              + culprit(document, instance)
              + " cannot be used"
              + why(e)
              + "; fix it or re-run flowlint import");
    }
  }

  /**
   * Which property's schema networknt cannot use, found by trying each alone: ": the schema of
   * Flow.x".
   */
  private String culprit(JsonNode document, JsonNode instance) {
    JsonNode props = document.path("properties");
    for (String name : props.propertyNames()) {
      tools.jackson.databind.node.ObjectNode alone =
          tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      if (document.has("$schema")) {
        alone.set("$schema", document.get("$schema"));
      }
      alone.set(
          "properties",
          tools.jackson.databind.node.JsonNodeFactory.instance
              .objectNode()
              .set(name, props.get(name)));
      try {
        registry.getSchema(alone).validate(instance);
      } catch (RuntimeException e) {
        return ": the schema of " + name;
      }
    }
    return "";
  }

  private static String why(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
  }
}
