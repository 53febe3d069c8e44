package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A templated flow whose isInput is left to its template ({@code isInput: ${is_input}} in a
 * Terraform .tftpl, {@code {{is_input}}} in Handlebars). It was read as false (the input was lost,
 * so a launch without it was clean), then refused ("not true or false", exit 2, the whole file not
 * imported). It is read as true, with a note saying where.
 */
class TemplatedFlagsTest {
  @TempDir Path tmp;

  @Test
  void aFlagLeftToTheTemplateIsReadAsTrueWithANote() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        in.resolve("order.yaml.tftpl"),
        """
        workflow:
          name: Templated Order
          variables:
            - stringVariable:
                name: Flow.a
                isInput: ${is_input}
                isOutput: false
            - integerVariable:
                name: Flow.b
                isInput: "{{b_is_input}}"
                isOutput: false
            - stringVariable:
                name: Flow.c
                isInput: false
                isOutput: true
        """);
    Path out = tmp.resolve("schemas");
    Result r = CliRunner.run("import", in.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode schema =
        CanonicalJson.mapper().readTree(out.resolve("templated-order.schema.json").toFile());
    assertTrue(schema.path("properties").has("Flow.a"), schema.toString());
    assertTrue(schema.path("properties").has("Flow.b"), schema.toString());
    assertTrue(!schema.path("properties").has("Flow.c"), schema.toString());
    assertTrue(
        r.err()
            .contains(
                "line 6: isInput is the template placeholder ${is_input}; it is read as true"),
        r.err());
    assertTrue(
        r.err().contains("line 10: isInput is the template placeholder {{b_is_input}}"), r.err());
  }
}
