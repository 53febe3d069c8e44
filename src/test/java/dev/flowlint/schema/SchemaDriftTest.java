package dev.flowlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.io.CanonicalJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {
  private static FlowSchema schema(String properties, String required) {
    return FlowSchema.of(
        "x.schema.json",
        CanonicalJson.mapper()
            .readTree(
                "{\"title\": \"Orders\", \"properties\": "
                    + properties
                    + ", \"required\": "
                    + required
                    + ", \"x-flowlint\": {\"flowName\": \"Orders\", \"flowType\": \"workflow\"}}"));
  }

  @Test
  void requiredChangesAreNamed() {
    FlowSchema before =
        schema(
            "{\"Flow.a\": {\"x-genesys-type\": \"String\"}, \"Flow.b\": {\"x-genesys-type\": \"Integer\"}}",
            "[\"Flow.a\"]");
    FlowSchema now =
        schema(
            "{\"Flow.a\": {\"x-genesys-type\": \"String\"}, \"Flow.b\": {\"x-genesys-type\": \"Integer\"}}",
            "[\"Flow.b\"]");
    assertEquals(
        List.of(
            "flow \"Orders\": input Flow.a is now optional",
            "flow \"Orders\": input Flow.b is now required"),
        SchemaDrift.differences(before, now));
  }

  @Test
  void identicalSchemasHaveNoDifferences() {
    FlowSchema s = schema("{\"Flow.a\": {\"x-genesys-type\": \"String\"}}", "[]");
    assertEquals(List.of(), SchemaDrift.differences(s, s));
  }

  private static FlowSchema withConfig(String properties, String fromConfig) {
    return FlowSchema.of(
        "x.schema.json",
        CanonicalJson.mapper()
            .readTree(
                "{\"title\": \"Orders\", \"properties\": "
                    + properties
                    + ", \"required\": [], \"x-flowlint\": {\"flowName\": \"Orders\", \"flowType\": \"workflow\", \"fromConfig\": "
                    + fromConfig
                    + "}}"));
  }

  @Test
  void aKeywordFromTheConfigIsNoDriftAndAHandEditIs() {
    String fresh =
        "{\"Flow.s\": {\"type\": \"string\", \"enum\": [\"a\", \"b\"]}, \"Flow.t\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}";
    FlowSchema now = withConfig(fresh, "{\"Flow.s\": [\"enum\"]}");
    assertEquals(
        List.of(),
        SchemaDrift.keywordDifferences(withConfig(fresh, "{\"Flow.s\": [\"enum\"]}"), now));
    FlowSchema edited =
        withConfig(
            "{\"Flow.s\": {\"type\": \"string\", \"enum\": [\"a\"]}, "
                + "\"Flow.t\": {\"type\": \"array\", \"items\": {\"type\": \"string\", \"pattern\": \"^x\"}}}",
            "{}");
    assertEquals(
        List.of(
            "flow \"Orders\": input Flow.s: enum differs from what flowlint.yaml sets",
            "flow \"Orders\": input Flow.t: items.pattern differs from the flow's definition (edited by hand?)"),
        SchemaDrift.keywordDifferences(edited, now));
  }
}
