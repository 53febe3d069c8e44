package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema's keywords are enforced, whether a person added them to the schema file or to
 * flowlint.yaml: each broken one is an input-constraint finding on the value, in plain words.
 */
class ConstraintsTest {
  private static final String ORDER_ID = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  @TempDir Path tmp;

  private static final String PAYLOAD =
      String.join(
          "\n",
          "{\"flowId\": \"" + ORDER_ID + "\", \"inputData\": {",
          "  \"Flow.customer_id\": \"X-9\",",
          "  \"Flow.priority\": 9,",
          "  \"Flow.tags\": [],",
          "  \"Flow.order\": {\"status\": \"Open\"},",
          "  \"Flow.due\": \"2024-02-30T10:00:00Z\"",
          "}}");

  private void assertConstraintFindings(Result r) {
    assertEquals(1, r.code(), r.out() + r.err());
    String out = r.out();
    assertTrue(
        out.contains(
            "<stdin>:2:23: error[input-constraint] Flow.customer_id must match the pattern ^C-[0-9]+$, got the string \"X-9\""),
        out);
    assertTrue(
        out.contains(
            "<stdin>:2:23: error[input-constraint] Flow.customer_id must be a valid email, got the string \"X-9\""),
        out);
    assertTrue(
        out.contains(
            "<stdin>:3:20: error[input-constraint] Flow.priority must be at most 5, got the number 9"),
        out);
    assertTrue(
        out.contains(
            "<stdin>:4:16: error[input-constraint] Flow.tags must have at least 1 items, got 0"),
        out);
    assertTrue(
        out.contains(
            "<stdin>:5:28: error[input-constraint] Flow.order.status must be one of \"open\", \"closed\", got the string \"Open\""),
        out);
    assertTrue(out.contains("fix: write \"open\""), out);
    assertTrue(
        out.contains("<stdin>:6:15: error[input-type] Flow.due expects an ISO-8601 date-time"),
        out);
  }

  @Test
  void keywordsFromFlowlintYamlAreMergedAtImportAndEnforced() throws Exception {
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(
        cfg,
        String.join(
            "\n",
            "flows:",
            "  Order Lookup:",
            "    inputs:",
            "      Flow.customer_id: {pattern: \"^C-[0-9]+$\", format: email}",
            "      Flow.priority: {minimum: 1, maximum: 5}",
            "      Flow.tags: {minItems: 1, maxLength: 8}",
            "      Flow.nope: {enum: [a]}",
            ""));
    Path schemas = tmp.resolve("schemas");
    Result imported =
        CliRunner.run(
            "import",
            "fixtures/flows/api/divisionviews-page.json",
            "--config",
            cfg.toString(),
            "--out",
            schemas.toString());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(
        imported
            .err()
            .contains(
                "flowlint.yaml flows.Order Lookup.inputs names Flow.nope, which flow \"Order Lookup\" does not have"),
        imported.err());
    String schema = Files.readString(schemas.resolve("order-lookup.schema.json"));
    assertTrue(schema.contains("\"pattern\": \"^C-[0-9]+$\""), schema);
    assertTrue(schema.contains("\"fromConfig\""), schema);
    // maxLength goes to each tag, minItems to the list: the file shows what is checked.
    assertTrue(
        schema.matches(
            "(?s).*\"Flow.tags\": \\{\\s*\"items\": \\{[^}]*\"maxLength\": 8.*\"minItems\": 1.*"),
        schema);
    // The nested enum is a hand edit on top of the config's keywords.
    Path file = schemas.resolve("order-lookup.schema.json");
    Files.writeString(
        file,
        schema.replace(
            "\"x-genesys-type\": \"Json\"",
            "\"x-genesys-type\": \"Json\", \"properties\": {\"status\": {\"enum\": [\"open\", \"closed\"]}}"));
    assertConstraintFindings(
        CliRunner.withStdin(PAYLOAD, "check", "-", "--schemas", schemas.toString()));
  }

  @Test
  void keywordsAddedToTheSchemaFileByHandAreEnforced() throws Exception {
    Path schemas = tmp.resolve("schemas");
    assertEquals(
        0,
        CliRunner.run(
                "import", "fixtures/flows/api/divisionviews-page.json", "--out", schemas.toString())
            .code());
    Path file = schemas.resolve("order-lookup.schema.json");
    String s =
        Files.readString(file)
            .replace(
                "\"x-genesys-type\": \"Json\"",
                "\"x-genesys-type\": \"Json\", \"properties\": {\"status\": {\"enum\": [\"open\", \"closed\"]}}")
            .replace(
                "\"x-genesys-type\": \"Integer\"",
                "\"x-genesys-type\": \"Integer\", \"maximum\": 5")
            .replace(
                "\"x-genesys-type\": \"StringCollection\"",
                "\"x-genesys-type\": \"StringCollection\", \"minItems\": 1");
    s =
        s.replaceFirst(
            "\"Flow.customer_id\": \\{",
            "\"Flow.customer_id\": {\"pattern\": \"^C-[0-9]+\\$\", \"format\": \"email\",");
    Files.writeString(file, s);
    assertConstraintFindings(
        CliRunner.withStdin(PAYLOAD, "check", "-", "--schemas", schemas.toString()));
  }

  @Test
  void everyConstraintKeywordReadsInPlainWords() throws Exception {
    Path schemas = tmp.resolve("schemas");
    Files.createDirectories(schemas);
    Files.writeString(
        schemas.resolve("words.schema.json"),
        String.join(
            "\n",
            "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\", \"additionalProperties\": false,",
            " \"properties\": {",
            "  \"Flow.a\": {\"const\": \"fixed\"},",
            "  \"Flow.b\": {\"type\": \"string\", \"minLength\": 3, \"maxLength\": 4},",
            "  \"Flow.c\": {\"type\": \"array\", \"uniqueItems\": true, \"maxItems\": 2},",
            "  \"Flow.d\": {\"type\": \"number\", \"exclusiveMinimum\": 0, \"multipleOf\": 0.5},",
            "  \"Flow.e\": {\"type\": \"string\", \"enum\": [\"Open\", \"OPEN\"]}",
            " },",
            " \"x-flowlint\": {\"flowName\": \"Words\", \"flowType\": \"workflow\", \"scope\": \"Flow\"}}"));
    Result r =
        CliRunner.checkInputs(
            "{\"Flow.a\": \"FIXED\", \"Flow.b\": \"ab\", \"Flow.c\": [1, 1, 2], \"Flow.d\": 0, \"Flow.e\": \"open\"}",
            schemas,
            "Words");
    String out = r.out();
    assertTrue(out.contains("Flow.a must be \"fixed\", got the string \"FIXED\""), out);
    assertTrue(out.contains("fix: write \"fixed\""), out);
    assertTrue(out.contains("Flow.b must be at least 3 characters long, got 2 characters"), out);
    assertTrue(out.contains("Flow.c must not repeat an item"), out);
    assertTrue(out.contains("Flow.c must have at most 2 items, got 3"), out);
    assertTrue(out.contains("Flow.d must be greater than 0, got the number 0"), out);
    // Two enum values differ from "open" only by case: no fix rather than a guess.
    assertTrue(
        out.contains("Flow.e must be one of \"Open\", \"OPEN\", got the string \"open\""), out);
    assertFalse(out.contains("fix: write \"Open\""), out);
  }

  @Test
  void aStrayKeyForAFlowWithoutInputsIsCaught() throws Exception {
    Path schemas = tmp.resolve("schemas");
    assertEquals(
        0,
        CliRunner.run(
                "import", "fixtures/flows/api/divisionviews-page.json", "--out", schemas.toString())
            .code());
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \"0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\", \"inputData\": {\"Flow.x\": 1}}",
            "check",
            "-",
            "--schemas",
            schemas.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().contains("error[flow-type-mismatch] flow \"Main IVR\" is an inboundcall flow"),
        r.out());
    assertTrue(r.out().contains("error[unknown-input] inputData has no input \"Flow.x\""), r.out());
    assertTrue(
        r.out().contains("help: \"Main IVR\" has no inputs: nothing can be passed to it at launch"),
        r.out());
  }

  @Test
  void aPlaceholderSatisfiesAnyConstraint() throws Exception {
    Path schemas = tmp.resolve("schemas");
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(
        cfg,
        "flows:\n  Order Lookup:\n    inputs:\n      Flow.customer_id: {enum: [C-1]}\n      Flow.priority: {maximum: 5}\n");
    assertEquals(
        0,
        CliRunner.run(
                "import",
                "fixtures/flows/api/divisionviews-page.json",
                "--config",
                cfg.toString(),
                "--out",
                schemas.toString())
            .code());
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \""
                + ORDER_ID
                + "\", \"inputData\": {\"Flow.customer_id\": \"{{ id }}\", \"Flow.priority\": {{ p }}}}",
            "check",
            "-",
            "--schemas",
            schemas.toString());
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void aDraft04SchemaIsValidatedAsDraft04() throws Exception {
    Path schemas = tmp.resolve("schemas");
    Files.createDirectories(schemas);
    // Under draft-04 a boolean exclusiveMaximum makes maximum exclusive; 2020-12 would ignore it.
    Files.writeString(
        schemas.resolve("limit.schema.json"),
        String.join(
            "\n",
            "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\", \"additionalProperties\": false,",
            " \"properties\": {\"Flow.n\": {\"type\": \"integer\", \"maximum\": 10, \"exclusiveMaximum\": true}},",
            " \"x-flowlint\": {\"flowName\": \"Limit\", \"flowType\": \"workflow\", \"scope\": \"Flow\"}}"));
    Result r =
        CliRunner.withStdin(
            "{\"Flow.n\": 10}",
            "check",
            "-",
            "--schemas",
            schemas.toString(),
            "--flow",
            "Limit",
            "--envelope",
            "inputs");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("error[input-constraint] Flow.n must be less than 10, got the number 10"),
        r.out());
    assertFalse(
        CliRunner.withStdin(
                "{\"Flow.n\": 9}",
                "check",
                "-",
                "--schemas",
                schemas.toString(),
                "--flow",
                "Limit",
                "--envelope",
                "inputs")
            .out()
            .contains("error"));
  }

  @Test
  void nullLeavesAnInputUnsetAndIsReportedLikeAMissingOneWhenRequired() throws Exception {
    Path schemas = tmp.resolve("schemas");
    assertEquals(
        0,
        CliRunner.run(
                "import", "fixtures/flows/api/divisionviews-page.json", "--out", schemas.toString())
            .code());
    Result r =
        CliRunner.withStdin(
            "{\"flowId\": \""
                + ORDER_ID
                + "\", \"inputData\": {\"Flow.customer_id\": null, \"Flow.priority\": null}}",
            "check",
            "-",
            "--schemas",
            schemas.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "error[missing-required-input] inputData gives null for the required input \"Flow.customer_id\""),
        r.out());
    assertTrue(
        r.out().contains("checked 1 file: 1 error, 0 warnings"),
        "null is NOT_SET, legal for an optional input: " + r.out());
  }

  @Test
  void badConstraintsInTheConfigAreNamed() throws Exception {
    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(
        cfg, "flows:\n  Order Lookup:\n    inputs:\n      Flow.priority: {type: string}\n");
    Result r =
        CliRunner.run(
            "import",
            "fixtures/flows",
            "--config",
            cfg.toString(),
            "--out",
            tmp.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "flows.Order Lookup.inputs.Flow.priority: \"type\" is not a keyword flowlint merges"),
        r.err());
    Files.writeString(
        cfg, "flows:\n  Order Lookup:\n    inputs:\n      Flow.customer_id: {pattern: \"([\"}\n");
    r =
        CliRunner.run(
            "import",
            "fixtures/flows",
            "--config",
            cfg.toString(),
            "--out",
            tmp.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "flows.Order Lookup.inputs.Flow.customer_id.pattern: not a valid regular expression"),
        r.err());
  }
}
