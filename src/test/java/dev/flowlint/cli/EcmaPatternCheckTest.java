package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hand-written schema's patterns are ECMA-262, as every JSON Schema tool reads them: {@code
 * "^[^]*$"} (any text, newlines too) stopped {@code flowlint check} with exit 2
 * ("Illegal/unsupported escape sequence near index 6") where ajv accepts it, and {@code \s} missed
 * a no-break space. Now both engines (the fast subset and networknt) give ECMA-262's verdict, and a
 * pattern only Java reads ({@code \Z}) stops the check with a located message rather than Java's
 * meaning.
 */
class EcmaPatternCheckTest {
  @TempDir Path tmp;

  /** A schema with Flow.a and Flow.b under the given patterns; {@code extra} goes to networknt. */
  private Path schemas(String a, String b, String extra) throws Exception {
    Path schemas = tmp.resolve("schemas");
    Files.createDirectories(schemas);
    Files.writeString(
        schemas.resolve("words.schema.json"),
        String.join(
            "\n",
            "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\",",
            " \"additionalProperties\": false, " + extra,
            " \"properties\": {",
            "  \"Flow.a\": {\"type\": \"string\", \"pattern\": \"" + a + "\"},",
            "  \"Flow.b\": {\"type\": \"string\", \"pattern\": \"" + b + "\"}",
            " },",
            " \"x-flowlint\": {\"flowName\": \"Words\", \"flowType\": \"workflow\", \"scope\":"
                + " \"Flow\"}}"));
    return schemas;
  }

  private static Result check(Path schemas, String payload) {
    return CliRunner.checkInputs(payload, schemas, "Words");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "\"minProperties\": 0,"})
  void ecmaOnlySyntaxIsCheckedAsEcma262ChecksIt(String extra) throws Exception {
    Path schemas = schemas("^[^]*$", "^\\\\s$", extra);
    Result clean = check(schemas, "{\"Flow.a\": \"two\\nlines\", \"Flow.b\": \"\\u00a0\"}");
    assertEquals(0, clean.code(), clean.out() + clean.err());
    Result broken = check(schemas, "{\"Flow.a\": \"x\", \"Flow.b\": \"x\"}");
    assertEquals(1, broken.code(), broken.out() + broken.err());
    assertTrue(
        broken.out().contains("error[input-constraint] Flow.b must match the pattern ^\\s$"),
        broken.out());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "\"minProperties\": 0,"})
  void aPatternOnlyJavaReadsStopsWithALocatedMessage(String extra) throws Exception {
    Path schemas = schemas("^a", "^b\\\\Z", extra);
    Result r = check(schemas, "{\"Flow.a\": \"a\", \"Flow.b\": \"b\\n\"}");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("the schema of Flow.b cannot be used"), r.err());
    assertTrue(
        r.err().contains("at index 2, \\Z is no ECMA-262 escape; write $ for the end of the value"),
        r.err());
  }

  @Test
  void flowlintYamlTakesAnEcmaPatternAndRefusesAJavaOne() throws Exception {
    for (String pattern : new String[] {"^[^]*$", "^\\\\Z"}) {
      Path cfg = tmp.resolve("flowlint.yaml");
      Files.writeString(
          cfg,
          String.join(
              "\n",
              "flows:",
              "  Order Lookup:",
              "    inputs:",
              "      Flow.customer_id: {pattern: \"" + pattern + "\"}",
              ""));
      Result r =
          CliRunner.run(
              "import",
              "fixtures/flows/api/divisionviews-page.json",
              "--config",
              cfg.toString(),
              "--out",
              tmp.resolve("out").toString());
      if (pattern.startsWith("^[")) {
        assertEquals(0, r.code(), r.err());
      } else {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("\\Z is no ECMA-262 escape"), r.err());
      }
    }
  }
}
