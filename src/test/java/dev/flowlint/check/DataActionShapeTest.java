package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.source.DataActionReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * import (Jackson's tree) and check (the payload tree) agree on what is a data action export or
 * contract.
 */
class DataActionShapeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"name":"a","config":{},"contract":{"input":{"inputSchema":{}}}}                    | true  | false
      {"name":"a","category":"x","contract":{"input":{}}}                                  | true  | false
      {"name":"a","contract":{"input":{}}}                                                 | false | false
      {"name":"a","config":{},"contract":{"input":"no"}}                                   | false | false
      {"type":"object","properties":{"a":{"type":"string"}}}                               | false | true
      {"type":"object","properties":{}, "flowId":"x"}                                      | false | false
      {"type":"object","properties":{}, "entities":[]}                                     | false | false
      {"type":"object","properties":{}, "x-flowlint":{}}                                   | false | false
      {"type":"string","properties":{}}                                                    | false | false
      {"type":"object","properties":[]}                                                    | false | false
      """)
  void bothTreesAgree(String json, boolean export, boolean contract) {
    JsonNode node = CanonicalJson.mapper().readTree(json);
    JObject tree = (JObject) TemplateJsonParser.parseStrict(json).root().orElseThrow();
    assertEquals(export, DataActionReader.isExport(node), "reader, export: " + json);
    assertEquals(export, DataActionLinter.isExport(tree), "checker, export: " + json);
    assertEquals(contract, DataActionReader.isContract(node), "reader, contract: " + json);
    assertEquals(contract, DataActionLinter.isContract(tree), "checker, contract: " + json);
  }
}
