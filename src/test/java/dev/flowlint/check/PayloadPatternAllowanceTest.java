package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pattern's budget was per value only: {@code [a-z]+@} reads about a billion characters of a
 * 32,000-character value it does not match (9 s with C1), inside that value's budget, so a payload
 * of twenty such values took three minutes, and a 16 MiB one an hour. Now one payload's matches
 * share an allowance; a match that would go past it is not decided, and the value gets an error
 * saying it was not fully checked, never a clean verdict. The timeouts guard against a hang; they
 * time nothing (each test takes about a second alone, the old code minutes; 120 s leaves room for a
 * machine loaded by the rest of the suite). The engine's tests run with a smaller allowance; check
 * runs with the real one.
 */
class PayloadPatternAllowanceTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String QUADRATIC = "[a-z]+@";
  private static final String LONG = "a".repeat(32_000);
  private static final int VALUES = 20;

  /** For the engine's own tests: an allowance a tenth of a check's, and shorter values. */
  private static final long SMALL = BoundedPatterns.PAYLOAD_STEPS / 10;

  private static final String SHORTER = "a".repeat(4_000);

  @TempDir Path tmp;

  private static ObjectNode schema(boolean networknt) {
    ObjectNode schema = NODES.objectNode();
    ObjectNode b = schema.putObject("properties").putObject("Flow.b");
    b.put("type", "array").putObject("items").put("type", "string").put("pattern", QUADRATIC);
    if (networknt) {
      schema.put("minProperties", 0); // a keyword the subset does not take
    }
    return schema;
  }

  /** Each value needs about 16 million characters read; all of them, ten times the allowance. */
  private static ObjectNode manyLongValues() {
    ObjectNode instance = NODES.objectNode();
    ArrayNode b = instance.putArray("Flow.b");
    for (int i = 0; i < VALUES; i++) {
      b.add(SHORTER);
    }
    return instance;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void manyLongValuesUnderABacktrackingPatternAreBoundedAndNeverClean() {
    for (boolean networknt : new boolean[] {false, true}) {
      assertEquals(!networknt, SubsetSchema.compile(schema(networknt)).isPresent());
      SchemaEngine engine = new SchemaEngine(SchemaEngine.Route.SUBSET_FIRST, SMALL);
      engine.startPayload();
      List<SchemaError> errors =
          engine.validate("k", schema(networknt), manyLongValues(), "x.schema.json");
      // Every value has its pattern error: decided (it does not match) or undecided.
      assertEquals(VALUES, errors.size(), errors.toString());
      for (int i = 0; i < VALUES; i++) {
        assertEquals("pattern", errors.get(i).keyword());
        assertEquals(List.of("Flow.b", i), errors.get(i).at());
      }
      assertTrue(errors.stream().anyMatch(SchemaError::undecided), "route " + networknt);
      // The next payload gets the whole allowance again: a short value is decided.
      engine.startPayload();
      ObjectNode one = NODES.objectNode();
      one.putArray("Flow.b").add("ab@c").add("abc");
      List<SchemaError> next = engine.validate("k", schema(networknt), one, "x.schema.json");
      assertEquals(1, next.size(), next.toString());
      assertFalse(next.get(0).undecided());
    }
  }

  /**
   * Under {@code not}, an undecided match (counted as no match) passes: the error added for it is
   * at the value, so check reports it there rather than on the whole payload.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void anUndecidedMatchUnderNotIsAnErrorAtTheValue() {
    ObjectNode schema = NODES.objectNode();
    schema
        .putObject("properties")
        .putObject("Flow.b")
        .putObject("items")
        .putObject("not")
        .put("pattern", QUADRATIC);
    SchemaEngine engine = new SchemaEngine(SchemaEngine.Route.SUBSET_FIRST, SMALL);
    engine.startPayload();
    ObjectNode instance = manyLongValues();
    ((ArrayNode) instance.get("Flow.b")).insert(0, "x@");
    List<SchemaError> errors = engine.validate("k", schema, instance, "x.schema.json");
    // "x@" matches, so not fails on it: a decided error; the long values are all one string, so
    // one undecided error, at the first value that holds it
    assertEquals(2, errors.size(), errors.toString());
    assertEquals(List.of("Flow.b", 0), errors.get(0).at());
    assertFalse(errors.get(0).undecided());
    assertEquals(List.of("Flow.b", 1), errors.get(1).at());
    assertTrue(errors.get(1).undecided());
  }

  /** A key matched by patternProperties has no pattern error to mark: one is added. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void anUndecidedPatternPropertiesKeyIsAnErrorToo() {
    ObjectNode schema = NODES.objectNode();
    schema.putObject("patternProperties").putObject(QUADRATIC).put("type", "integer");
    ObjectNode instance = NODES.objectNode();
    for (int i = 0; i < VALUES; i++) {
      instance.put(SHORTER + i, "not an integer");
    }
    SchemaEngine engine = new SchemaEngine(SchemaEngine.Route.SUBSET_FIRST, SMALL);
    engine.startPayload();
    List<SchemaError> errors = engine.validate("k", schema, instance, "x.schema.json");
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.undecided()
                        && e.at().isEmpty()
                        && e.message().contains("was not fully checked")),
        errors.toString());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void checkSaysTheValueWasNotFullyCheckedAndFails() throws Exception {
    Path schemas = tmp.resolve("schemas");
    Files.createDirectories(schemas);
    Files.writeString(
        schemas.resolve("words.schema.json"),
        "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
            + " \"properties\": {\"Flow.b\": {\"type\": \"array\", \"items\": {\"type\":"
            + " \"string\", \"pattern\": \""
            + QUADRATIC
            + "\"}}}, \"x-flowlint\": {\"flowName\": \"Words\", \"flowType\": \"workflow\","
            + " \"scope\": \"Flow\"}}");
    StringBuilder payload = new StringBuilder("{\"Flow.b\": [");
    for (int i = 0; i < VALUES; i++) {
      payload.append(i == 0 ? "" : ", ").append('"').append(LONG).append('"');
    }
    payload.append("]}");
    CliRunner.Result r = CliRunner.checkInputs(payload.toString(), schemas, "Words");
    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "error[input-constraint] Flow.b[19] was not fully checked against the pattern "
                    + QUADRATIC
                    + ": this payload's pattern checks used up their allowance"),
        r.out());
  }
}
