package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schema edited to close its inputs with {@code unevaluatedProperties: false} (the 2020-12 way,
 * which also sees through allOf) instead of {@code additionalProperties: false}: a misspelt input
 * was a generic input-constraint on the whole inputData object, with no suggestion and no fix. It
 * is the same mistake, so the same finding: unknown-input on the key.
 */
class UnevaluatedPropertiesTest {
  @TempDir Path tmp;

  @Test
  void aMisspeltInputIsUnknownInputOnItsKey() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    String body =
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\","
            + " \"inputData\": {\"Flow.custmer_id\": \"a\"}}";
    String closedByAdditional = check(schemas, body);
    var diagnostics =
        CanonicalJson.mapper().readTree(closedByAdditional).at("/files/0/diagnostics");
    assertEquals("unknown-input", diagnostics.get(0).get("rule").asString());

    Path file = schemas.resolve("order-lookup.schema.json");
    ObjectNode doc = (ObjectNode) CanonicalJson.mapper().readTree(file.toFile());
    doc.remove("additionalProperties");
    doc.put("unevaluatedProperties", false);
    Files.writeString(file, doc.toString());
    assertEquals(closedByAdditional, check(schemas, body));
  }

  private static String check(Path schemas, String body) {
    Result r =
        CliRunner.withStdin(
            body, "check", "-", "--schemas", schemas.toString(), "--format", "json");
    assertEquals(1, r.code(), r.err());
    return r.out();
  }
}
