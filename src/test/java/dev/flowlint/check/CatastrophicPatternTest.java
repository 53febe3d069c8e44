package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.schema.SchemaStore.BadSchema;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pattern a person writes into a schema can backtrack for hours on one value ({@code ^(.*a){12}$}
 * on 80 characters is O(n^12)): check, a commit hook and serve hung on it, in both engines. Now a
 * match that takes too many steps stops the run with a message naming the pattern, exit 2.
 */
class CatastrophicPatternTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SLOW = "^(.*a){12}$";
  private static final String VALUE = "a".repeat(80) + "b";

  private static ObjectNode schema(String extraKeyword) {
    ObjectNode schema = NODES.objectNode();
    ObjectNode x = schema.putObject("properties").putObject("Flow.x");
    x.put("type", "string").put("pattern", SLOW);
    if (extraKeyword != null) {
      x.put(extraKeyword, true); // a keyword the subset does not take: networknt runs it
    }
    return schema;
  }

  private static BadSchema stops(SchemaEngine.Route route, JsonNode schema) {
    SchemaEngine engine = new SchemaEngine(route);
    JsonNode instance = NODES.objectNode().put("Flow.x", VALUE);
    return assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThrows(
                BadSchema.class, () -> engine.validate("k", schema, instance, "x.schema.json")));
  }

  @Test
  void theSubsetEngineStopsABacktrackingPattern() {
    assertTrue(SubsetSchema.compile(schema(null)).isPresent());
    BadSchema e = stops(SchemaEngine.Route.SUBSET_FIRST, schema(null));
    assertTrue(e.getMessage().contains("Flow.x"), e.getMessage());
    assertTrue(e.getMessage().contains(SLOW), e.getMessage());
  }

  @Test
  void networkntStopsABacktrackingPatternToo() {
    assertFalse(SubsetSchema.compile(schema("uniqueItems")).isPresent());
    BadSchema e = stops(SchemaEngine.Route.SUBSET_FIRST, schema("uniqueItems"));
    assertTrue(e.getMessage().contains(SLOW), e.getMessage());
  }

  @Test
  void anOrdinaryPatternOnALongValueIsStillDecided() {
    ObjectNode schema = NODES.objectNode();
    schema.putObject("properties").putObject("Flow.x").put("pattern", "^[a-z]+$");
    for (SchemaEngine.Route route : SchemaEngine.Route.values()) {
      SchemaEngine engine = new SchemaEngine(route);
      assertTrue(
          engine
              .validate("k", schema, NODES.objectNode().put("Flow.x", "a".repeat(32000)), "s")
              .isEmpty());
      assertFalse(
          engine
              .validate("k", schema, NODES.objectNode().put("Flow.x", "a".repeat(32000) + "1"), "s")
              .isEmpty());
    }
  }
}
