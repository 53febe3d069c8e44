package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowlint.schema.SchemaStore.BadSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hand-edited schema whose {@code $ref} points at itself ({@code "Flow.order": {"$ref":
 * "#/properties/Flow.order"}}) sent networknt round the loop until the stack ran out: check died
 * with a StackOverflowError and a stack trace. It is a schema that cannot be used, said in words.
 */
class SelfReferenceTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void aRefThatLeadsBackToItselfIsABadSchemaNotAStackOverflow() {
    ObjectNode schema = NODES.objectNode();
    schema.putObject("properties").putObject("Flow.order").put("$ref", "#/properties/Flow.order");
    JsonNode instance = NODES.objectNode().set("Flow.order", NODES.objectNode().put("a", 1));
    BadSchema e =
        assertThrows(
            BadSchema.class,
            () -> new SchemaEngine().validate("k", schema, instance, "order.schema.json"));
    assertEquals(
        "order.schema.json: the schema of Flow.order cannot be used: a $ref leads back to itself"
            + " without end; fix it or re-run flowlint import",
        e.getMessage());
  }
}
