package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.cli.CliRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which bare objects are read as a data action input contract (and linted as one) rather than as a
 * payload: only {"type": "object", "properties": {...}} with no envelope field. Found by PIT: the
 * two conditions of the detection were not tested apart.
 */
class ContractDetectionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}} | contract",
        "{\"type\": \"string\", \"properties\": {\"a\": {\"type\": \"string\"}}} | payload",
        "{\"type\": \"object\", \"properties\": [1]} | payload",
        "{\"type\": 1, \"properties\": {}} | payload",
        "{\"type\": \"object\", \"properties\": {}, \"inputData\": {}} | payload"
      })
  void onlyAnObjectSchemaWithPropertiesIsAContract(String text, String expected) {
    CliRunner.Result r =
        CliRunner.withStdin(text, "check", "-", "--schemas", "schemas", "--format", "json");
    assertEquals(
        expected, r.out().contains("\"envelope\": null") ? "contract" : "payload", r.out());
  }
}
