package dev.flowlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.io.CanonicalJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A data action's success contract flattened into the names a Call Data Action binds. */
class SuccessOutputsTest {
  @Test
  void nestedObjectsJoinWithDotsAndArraysOfObjectsBecomeCollections() throws Exception {
    String schema =
        """
        {"type": "object", "properties": {
          "conversation": {"type": "object", "properties": {"id": {"type": "string"}, "wait": {"type": ["integer", "null"]}}},
          "entities": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "score": {"type": "number"}}}},
          "tags": {"type": "array", "items": {"type": "string"}},
          "raw": {"type": "object"},
          "ok": {"type": "boolean"}}}
        """;
    assertEquals(
        Map.of(
            "conversation.id", "String",
            "conversation.wait", "Integer",
            "entities.id", "StringCollection",
            "entities.score", "DecimalCollection",
            "tags", "StringCollection",
            "raw", "Json",
            "ok", "Boolean"),
        SuccessOutputs.flatten(CanonicalJson.mapper().readTree(schema)));
  }

  @Test
  void aContractWithNoPropertiesOffersNothing() throws Exception {
    assertEquals(
        Map.of(),
        SuccessOutputs.flatten(
            CanonicalJson.mapper().readTree("{\"type\": \"object\", \"properties\": {}}")));
  }
}
