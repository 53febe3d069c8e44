package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hand-edited schemas of subset keywords only, on which {@link SubsetSchema} and networknt (the
 * reference engine, {@link SchemaEngine.Route#NETWORKNT_ONLY}) disagreed until fixed. Compared by
 * {@link SubsetSchemaDifferentialTest#outcome}.
 */
class SubsetSchemaHostileTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * networknt writes a schema location's JSON Pointer tokens through PathType.JSON_POINTER, which
   * escapes a control character (\n, \t, \r, \b, \f) in a property name as a backslash and a letter
   * ({@code #/properties/a\nb/type}, the two characters backslash and n); SubsetSchema kept the raw
   * character until its location tokens did the same.
   */
  @Test
  void newlineInAPropertyNameIsWrittenAsBackslashNInNetworkntsSchemaLocation() {
    ObjectNode schema = NODES.objectNode();
    schema.putObject("properties").putObject("a\nb").put("type", "string");
    ObjectNode instance = NODES.objectNode().put("a\nb", 1);
    assertSame(schema, instance);
  }

  @Test
  void tabCarriageReturnBackspaceAndFormFeedInPropertyNamesAreEscapedByNetworkntToo() {
    for (String name : List.of("a\tb", "a\rb", "a\bb", "a\fb")) {
      ObjectNode schema = NODES.objectNode();
      schema.putObject("properties").putObject(name).put("minimum", 3);
      ObjectNode instance = NODES.objectNode().put(name, 1);
      assertSame(schema, instance);
    }
  }

  @Test
  void aControlCharacterNameNestedUnderAdditionalPropertiesAndItems() {
    ObjectNode schema = NODES.objectNode();
    schema
        .putObject("items")
        .putObject("additionalProperties")
        .putObject("properties")
        .putObject("x\ny")
        .put("type", "integer");
    JsonNode instance =
        NODES.arrayNode().add(NODES.objectNode().set("k", NODES.objectNode().put("x\ny", "s")));
    assertSame(schema, instance);
  }

  // --- the comparison -----------------------------------------------------------------------

  private static void assertSame(JsonNode schema, JsonNode instance) {
    SchemaEngine networknt = new SchemaEngine(SchemaEngine.Route.NETWORKNT_ONLY);
    SubsetSchema fast = SubsetSchema.compile(schema).orElseThrow();
    String expected =
        SubsetSchemaDifferentialTest.outcome(
            () -> networknt.validate(schema.toString(), schema, instance, "s"));
    String actual = SubsetSchemaDifferentialTest.outcome(() -> fast.validate(instance));
    assertEquals(expected, actual, "schema " + schema + ", instance " + instance);
  }
}
