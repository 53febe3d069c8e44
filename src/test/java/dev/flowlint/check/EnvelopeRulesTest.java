package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.io.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The envelope rules (launch body, shared-flow body, flow resolution) one case at a time: which
 * findings, at which column, with which fix. Added where PIT found branches no test told apart.
 */
class EnvelopeRulesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // A flow whose id is not known (imported from YAML): a literal UUID cannot be said to
        // contradict it.
        Arguments.of(
            "Set GC User to Available",
            "{\"flowId\": \"00000000-0000-4000-8000-000000000000\", \"inputData\": {}}",
            "missing-required-input 52, missing-required-input 52"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"metadata\": {}, \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "unknown-field 52"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"correlationId\": \"c\", \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "unknown-field 52"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"flowid\": 1, \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "unknown-field 52"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputdata\": {\"Flow.customer_id\": \"a\"}}",
            "missing-required-input 1, unknown-field 52 fix:\"inputData\""),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"flowVersion\": {}, \"name\": 1, \"inputData\": []}",
            "field-type 67, field-type 79, field-type 95"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"flowVersion\": {{ v }}, \"name\": \"{{ n }}\", \"inputData\": {{ data }}}",
            ""),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"flowVersion\": 2, \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "field-type 67 fix:\"2\""),
        Arguments.of("-", "{\"flowId\": 5, \"inputData\": {}}", "unknown-flow 1, field-type 12"),
        Arguments.of(
            "-",
            "{\"flowId\": \"Order Lookup\", \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "field-type 12 fix:\"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\""),
        Arguments.of(
            "-",
            "{\"flowId\": \"Broken template\", \"inputData\": {}}",
            "field-type 12, flow-type-mismatch 12, missing-required-input 31, missing-required-input 31"),
        Arguments.of("-", "{\"flowId\": \"{{ id }}\", \"inputData\": {}}", "unknown-flow 1"),
        // A key only partly templated may become the required input: not reported as unknown or
        // missing.
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": {\"Flow.{{ k }}\": \"a\"}}",
            ""),
        // ... and a bare inputs object whose scoped keys are all partly templated is still one.
        Arguments.of("Order Lookup", "{\"Flow.{{ k }}\": 1}", ""),
        // The same key text twice renders the same key twice.
        Arguments.of(
            "Order Lookup",
            "{\"Flow.customer_id\": \"C\", \"Flow.{{ k }}\": 1, \"Flow.{{ k }}\": 2}",
            "duplicate-key 46"),
        Arguments.of(
            "-",
            "{\"flowId\": \"00000000-0000-4000-8000-000000000000\", \"inputData\": {}}",
            "unknown-flow 12"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\"}",
            "missing-required-input 1"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"6F3C2A8E-1D4B-4C3E-9A7F-2B5D8E9C0A11\", \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            ""),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"00000000-0000-4000-8000-000000000000\", \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "flow-id-mismatch 12"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"Resolve Customer\", \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "field-type 12 fix:\"5c4b3a29-1807-4f6e-8d5c-4b3a29180706\", flow-id-mismatch 12"),
        Arguments.of(
            "Order Lookup",
            "{\"flowId\": \"Order Lookup\", \"inputData\": {\"Flow.customer_id\": \"a\"}}",
            "field-type 12 fix:\"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\""),
        Arguments.of("Order Lookup", "{\"Flow.customer_id\": \"a\"}", ""),
        Arguments.of("-", "{\"a\": 1}", "missing-field 1, unknown-flow 1, unknown-field 2"),
        Arguments.of(
            "Resolve Customer",
            "{\"flowType\": 5, \"inputs\": {}, \"metadata\": {\"correlationId\": \"x\"}}",
            "field-type 14"),
        Arguments.of(
            "Resolve Customer",
            "{\"flowType\": \"shared\", \"inputs\": [], \"metadata\": {\"correlationId\": \"x\"}}",
            "field-type 34"),
        Arguments.of(
            "Resolve Customer",
            "{\"flowType\": \"shared\", \"inpts\": {}, \"metadata\": {\"correlationId\": \"x\"}}",
            "unknown-field 24 fix:\"inputs\""),
        Arguments.of(
            "Resolve Customer",
            "{\"flowType\": \"shard\", \"inputs\": {\"ani\": \"1\"}, \"metadata\": {\"correlationId\": \"x\"}}",
            "flow-type-mismatch 14 fix:\"shared\""),
        Arguments.of(
            "-",
            "{\"flowType\": \"shard\", \"inputs\": {\"ani\": \"1\"}}",
            "missing-correlation-id 1, unknown-flow 1, flow-type-mismatch 14"),
        Arguments.of(
            "Resolve Customer",
            "{\"flowType\": \"shared\", \"metadata\": {\"correlationId\": \"x\"}}",
            ""),
        Arguments.of(
            "Order Lookup",
            "{\"flowType\": \"shared\", \"inputs\": {\"customer_id\": \"1\"}, \"metadata\": {\"correlationId\": \"x\"}}",
            "flow-type-mismatch 14"),
        Arguments.of(
            "Resolve Customer",
            "{\"flowType\": \"shared\", \"inputs\": {{ x }}, \"metadata\": {{ m }}}",
            ""));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void findingsOfEachEnvelopeCase(String flow, String payload, String expected) {
    List<String> args =
        new ArrayList<>(List.of("check", "-", "--schemas", "schemas", "--format", "json"));
    if (!flow.equals("-")) {
      args.addAll(List.of("--flow", flow));
    }
    JsonNode json =
        CanonicalJson.mapper()
            .readTree(CliRunner.withStdin(payload, args.toArray(String[]::new)).out());
    List<String> found = new ArrayList<>();
    for (JsonNode d : json.get("files").get(0).get("diagnostics")) {
      found.add(
          d.get("rule").asString()
              + " "
              + d.get("column").asInt()
              + (d.has("fix") ? " fix:" + d.get("fix").get("replacement").asString() : ""));
    }
    assertEquals(expected, String.join(", ", found), payload);
  }
}
