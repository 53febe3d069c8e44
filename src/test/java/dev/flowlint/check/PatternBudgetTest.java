package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Review: the pattern budget does not stop ordinary patterns, and long values get a deep stack. */
class PatternBudgetTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static List<SchemaError> run(
      SchemaEngine.Route route, String keyword, String pattern, String value) {
    ObjectNode schema = NODES.objectNode();
    schema.putObject("properties").putObject("Flow.x").put("type", "string").put(keyword, pattern);
    return new SchemaEngine(route)
        .validate("k", schema, NODES.objectNode().put("Flow.x", value), "x.schema.json");
  }

  /**
   * JSON Schema patterns are unanchored: java's find() tries each of 10,000 start positions and
   * [a-z]+ reads the rest of the value at each (~n^2 = 1e8 reads, twice the fixed budget), in under
   * a second of real time. The value simply does not match: a pattern finding, not a bad schema.
   */
  @Test
  void anUnanchoredPatternOnALongNonMatchingValueIsAFindingNotABadSchema() {
    for (SchemaEngine.Route route : SchemaEngine.Route.values()) {
      assertFalse(run(route, "pattern", "[a-z]+@[a-z]+", "a".repeat(10_000)).isEmpty());
    }
  }

  /** networknt's own hostname check overflows the stack on 2,000 characters; not a $ref loop. */
  @Test
  void aLongDottedValueUnderFormatHostnameIsAFindingNotARefLoop() {
    assertFalse(
        run(SchemaEngine.Route.SUBSET_FIRST, "format", "hostname", "a.".repeat(1000)).isEmpty());
  }

  /** A 3,000-character literal is a valid uri-template; networknt's check overflows the stack. */
  @Test
  void aLongLiteralUnderFormatUriTemplateIsValid() {
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(),
        run(SchemaEngine.Route.SUBSET_FIRST, "format", "uri-template", "a".repeat(3000)));
  }
}
