package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Review: with unevaluatedProperties: false and an input declared under allOf (the reason to use
 * unevaluatedProperties), a wrongly typed value fails the allOf, its annotations are dropped
 * (2020-12), and the declared input is reported as unknown-input: 'inputData has no input
 * "Flow.amount"'.
 */
class UnevaluatedAllOfTest {
  @TempDir Path tmp;

  @Test
  void aDeclaredInputWithAWrongValueIsNotCalledUnknown() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path file = schemas.resolve("order-lookup.schema.json");
    ObjectNode doc = (ObjectNode) CanonicalJson.mapper().readTree(file.toFile());
    doc.remove("additionalProperties");
    doc.put("unevaluatedProperties", false);
    var amount = ((ObjectNode) doc.get("properties")).remove("Flow.amount");
    doc.putArray("allOf").addObject().putObject("properties").set("Flow.amount", amount);
    Files.writeString(file, doc.toString());
    String body =
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\","
            + " \"inputData\": {\"Flow.customer_id\": \"a\", \"Flow.amount\": \"x\"}}";
    Result r =
        CliRunner.withStdin(
            body, "check", "-", "--schemas", schemas.toString(), "--format", "json");
    assertFalse(r.out().contains("has no input \\\"Flow.amount\\\""), r.out());
  }
}
