package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Odd but legal definitions and settings, driven through the CLI: what import writes must say what
 * the definition says, or the later check is a false clean.
 */
class HostileImportTest {
  @TempDir Path tmp;

  private Result importFile(String name, String text) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve(name), text);
    return CliRunner.run("import", in.resolve(name).toString(), "--out", out().toString());
  }

  private Path out() {
    return tmp.resolve("schemas");
  }

  private JsonNode schema(String file) throws IOException {
    return CanonicalJson.mapper().readTree(out().resolve(file).toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private Result check(String payload, String... more) throws IOException {
    Path p = Files.writeString(tmp.resolve("p.json"), payload);
    List<String> args =
        new ArrayList<>(List.of("check", p.toString(), "--schemas", out().toString()));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  /**
   * An alias stands for what its anchor names: {@code isInput: *yes} is true. Jackson's YAML parser
   * read it as the text "yes", so the input was imported as an internal variable and a launch
   * without it was clean.
   */
  @Test
  void anAliasedIsInputKeepsTheInput() throws IOException {
    Result r =
        importFile(
            "alias.yaml",
            """
            workflow:
              name: Alias
              variables:
                - stringVariable:
                    name: Flow.x
                    isInput: &yes true
                    initialValue: &none {noValue: true}
                - integerVariable:
                    name: Flow.y
                    isInput: *yes
                    initialValue: *none
            """);
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode s = schema("alias.schema.json");
    assertEquals(List.of("Flow.x", "Flow.y"), strings(s.path("required")), s.toString());
    assertEquals("Integer", s.path("properties").path("Flow.y").path("x-genesys-type").asString());
    Result c = check("{\"inputData\": {\"Flow.x\": \"a\"}}", "--flow", "Alias");
    assertEquals(1, c.code(), c.out() + c.err());
    assertTrue(c.out().contains("missing-required-input"), c.out());
  }

  /**
   * YAML merge keys ({@code <<: *base}) bring in the base mapping's entries, as Archy's loader
   * reads them; they were an ordinary key "<<", so every input they made an input was lost.
   */
  @Test
  void mergeKeysBringInTheBaseEntries() throws IOException {
    Result r =
        importFile(
            "merge.yaml",
            """
            workflow:
              name: Merge
              variables:
                - integerVariable: &base
                    name: Flow.count
                    initialValue:
                      noValue: true
                    isInput: true
                - integerVariable:
                    <<: *base
                    name: Flow.count2
                - stringVariable: {<<: *base, name: Flow.s, initialValue: {lit: hi}}
            """);
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode s = schema("merge.schema.json");
    assertEquals(
        List.of("Flow.count", "Flow.count2", "Flow.s"),
        List.copyOf(s.path("properties").propertyNames()),
        s.toString());
    assertEquals(List.of("Flow.count", "Flow.count2"), strings(s.path("required")), s.toString());
    assertEquals("hi", s.path("properties").path("Flow.s").path("default").asString());
    Result c = check("{\"inputData\": {\"Flow.count\": 1}}", "--flow", "Merge");
    assertEquals(1, c.code(), c.out() + c.err());
    assertTrue(c.out().contains("\"Flow.count2\""), c.out());
  }

  /** A second YAML document is said in plain words, at its line (was Jackson's API names). */
  @Test
  void aSecondYamlDocumentIsNamedPlainly() throws IOException {
    Result r =
        importFile("multi.yaml", "workflow:\n  name: First\n---\nworkflow:\n  name: Second\n");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("multi.yaml:4:1: not valid YAML: more than one YAML document"), r.err());
    assertFalse(r.err().contains("Token"), r.err());
    assertFalse(r.err().contains("DeserializationFeature"), r.err());
  }

  /**
   * Aliases that expand without end (billion laughs, a list holding itself) stop, with a reason.
   */
  @Test
  void explodingAndRecursiveAliasesStop() throws IOException {
    StringBuilder laughs = new StringBuilder("workflow:\n  name: Laughs\n  a0: &a0 [lol, lol]\n");
    for (int i = 1; i < 40; i++) {
      laughs.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      laughs.append(", *a").append(i - 1).append("]\n");
    }
    Result r = importFile("laughs.yaml", laughs.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("laughs.yaml"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());

    Result loop = importFile("loop.yaml", "workflow:\n  name: Loop\n  x: &x [*x]\n");
    assertEquals(2, loop.code(), loop.out() + loop.err());
    assertTrue(loop.err().contains("loop.yaml"), loop.err());
    assertFalse(loop.err().contains("internal error"), loop.err());
  }

  /**
   * A key written twice in a JSON definition: Jackson kept the last silently, so a second
   * "required" dropped the flow's required inputs and a second "properties" lost a data action's
   * input. Now an error at the repeated key, and nothing is written for the file.
   */
  @Test
  void aRepeatedJsonKeyIsAnError() throws IOException {
    Result api =
        importFile(
            "api.json",
            """
            {"id": "11111111-1111-1111-1111-111111111111", "name": "Api Dup", "type": "WORKFLOW",
             "inputSchema": {"type": "object", "required": ["Flow.a"],
               "properties": {"Flow.a": {"type": "integer"}},
               "required": []}}
            """);
    assertEquals(2, api.code(), api.out() + api.err());
    assertTrue(api.err().contains("api.json:4:"), api.err());
    assertTrue(api.err().contains("\"required\""), api.err());
    assertFalse(Files.exists(out().resolve("api-dup.schema.json")));

    Result action =
        importFile(
            "action.json",
            """
            {"name": "DA Dup", "integrationType": "custom-rest-actions", "actionType": "custom",
             "config": {"request": {"requestUrlTemplate": "https://x", "requestType": "POST",
               "headers": {}, "requestTemplate": "${input.rawRequest}"}, "response": {}},
             "contract": {"input": {"inputSchema": {"type": "object", "required": ["a"],
               "properties": {"a": {"type": "integer"}}, "properties": {"b": {"type": "string"}}}},
               "output": {"successSchema": {"type": "object"}}}}
            """);
    assertEquals(2, action.code(), action.out() + action.err());
    assertTrue(action.err().contains("\"properties\""), action.err());
    assertFalse(Files.exists(out().resolve("da-dup.schema.json")));
  }

  /**
   * API JSON whose property types carry null beside them (a nullable input) kept no type at all:
   * {@code ["integer", "null"]} became "Unknown", whose schema takes any value, and an array of
   * integers lost its collection-ness. A text for an Integer input was then clean.
   */
  @Test
  void nullableApiTypesKeepTheirType() throws IOException {
    Result r =
        importFile(
            "api.json",
            """
            {"id": "22222222-1111-1111-1111-111111111111", "name": "Api Types", "type": "WORKFLOW",
             "inputSchema": {"type": "object", "required": ["Flow.n"],
               "properties": {
                 "Flow.n": {"type": ["integer", "null"]},
                 "Flow.list": {"type": ["array", "null"], "items": {"type": "integer"}},
                 "Flow.c": {"oneOf": [{"type": "null"}, {"type": "array", "items": {"type": "integer"}}]}
               }}}
            """);
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode p = schema("api-types.schema.json").path("properties");
    assertEquals("Integer", p.path("Flow.n").path("x-genesys-type").asString(), p.toString());
    assertEquals(
        "IntegerCollection", p.path("Flow.list").path("x-genesys-type").asString(), p.toString());
    assertEquals("array", p.path("Flow.list").path("type").asString(), p.toString());
    // A schema that names no Architect type is kept as the contract, not widened to any value.
    assertTrue(p.path("Flow.c").has("oneOf"), p.toString());
    Result c =
        check(
            "{\"flowId\": \"22222222-1111-1111-1111-111111111111\", \"inputData\": {\"Flow.n\": \"many\", \"Flow.list\": [\"x\"], \"Flow.c\": \"y\"}}");
    assertEquals(1, c.code(), c.out() + c.err());
    assertTrue(c.out().contains("Flow.n"), c.out());
    assertTrue(c.out().contains("Flow.list"), c.out());
    assertTrue(c.out().contains("Flow.c"), c.out());
  }

  /** A property whose $ref points at nothing was silently "any value"; now the file is an error. */
  @Test
  void aDanglingApiRefIsAnError() throws IOException {
    Result r =
        importFile(
            "api.json",
            """
            {"id": "33333333-1111-1111-1111-111111111111", "name": "Api Ref", "type": "WORKFLOW",
             "inputSchema": {"type": "object",
               "properties": {"Flow.d": {"$ref": "#/definitions/archNope"}}}}
            """);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("\"Flow.d\" refers to #/definitions/archNope"), r.err());
    assertFalse(Files.exists(out().resolve("api-ref.schema.json")));
  }

  /**
   * One variable name declared twice, as an Integer input and again as a String input with a value:
   * the schema silently held the last (a String), so any text was clean for an input the flow may
   * read as an Integer. Now an error naming both, and the flow is not written; the same declaration
   * repeated is only a warning.
   */
  @Test
  void aVariableDeclaredTwiceDifferentlyIsAnError() throws IOException {
    Result r =
        importFile(
            "twice.yaml",
            """
            workflow:
              name: Twice
              variables:
                - integerVariable:
                    name: Flow.x
                    initialValue:
                      noValue: true
                    isInput: true
                - stringVariable:
                    name: Flow.x
                    initialValue:
                      lit: hello
                    isInput: true
            """);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("declares the variable \"Flow.x\" 2 times (Integer input; String input"),
        r.err());
    assertFalse(Files.exists(out().resolve("twice.schema.json")));

    String same =
        "    - stringVariable:\n        name: Flow.y\n        initialValue:\n"
            + "          noValue: true\n        isInput: true\n";
    Result w = importFile("same.yaml", "workflow:\n  name: Same\n  variables:\n" + same + same);
    assertEquals(0, w.code(), w.out() + w.err());
    assertTrue(w.err().contains("declares the variable \"Flow.y\" 2 times, identically"), w.err());
    assertTrue(Files.exists(out().resolve("same.schema.json")));
  }

  /**
   * {@code isInput: yes} is the text "yes" in YAML 1.2; it was read as false, so an input meant as
   * one was imported as an internal variable and a launch without it was clean. Now an error that
   * names the variable; {@code True} and a quoted "true" still count as true.
   */
  @Test
  void anIsInputThatIsNoBooleanIsAnError() throws IOException {
    Result r =
        importFile(
            "flags.yaml",
            """
            workflow:
              name: Flags
              variables:
                - stringVariable:
                    name: Flow.a
                    isInput: "true"
                    initialValue: {noValue: true}
                - stringVariable:
                    name: Flow.b
                    isInput: True
                    initialValue: {noValue: true}
                - stringVariable:
                    name: Flow.c
                    isInput: yes
                    initialValue: {noValue: true}
            """);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("variable \"Flow.c\": isInput is \"yes\", not true or false"), r.err());
    assertFalse(Files.exists(out().resolve("flags.schema.json")));

    Result ok =
        importFile(
            "flags.yaml",
            """
            workflow:
              name: Flags
              variables:
                - stringVariable:
                    name: Flow.a
                    isInput: "true"
                    initialValue: {noValue: true}
                - stringVariable:
                    name: Flow.b
                    isInput: True
                    initialValue: {noValue: true}
            """);
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertEquals(
        List.of("Flow.a", "Flow.b"), strings(schema("flags.schema.json").path("required")));
  }

  /**
   * A Flow saved from the API without its schema (GET /api/v2/flows/{id}: publishedVersion names
   * the version only) or a listing fetched without includeSchemas=true was imported as flows with
   * no inputs, so a launch giving none of the flow's required inputs was clean. Now an error that
   * says how to save it.
   */
  @Test
  void anApiFlowWithoutItsSchemaIsAnError() throws IOException {
    Result flow =
        importFile(
            "flow.json",
            """
            {"id": "55555555-1111-1111-1111-111111111111", "name": "No Schema", "type": "WORKFLOW",
             "publishedVersion": {"id": "3.0", "name": "3.0",
               "selfUri": "/api/v2/flows/55555555-1111-1111-1111-111111111111/versions/3.0"}}
            """);
    assertEquals(2, flow.code(), flow.out() + flow.err());
    assertTrue(flow.err().contains("carries no inputSchema"), flow.err());
    assertFalse(Files.exists(out().resolve("no-schema.schema.json")));

    Result page =
        importFile(
            "page.json",
            """
            {"entities": [{"id": "55555555-1111-1111-1111-111111111111", "name": "No Schema",
               "type": "WORKFLOW", "publishedVersion": {"id": "3.0"}}],
             "pageNumber": 1, "pageSize": 25, "pageCount": 1, "total": 1}
            """);
    assertEquals(2, page.code(), page.out() + page.err());
    assertTrue(page.err().contains("includeSchemas=true"), page.err());
    assertFalse(Files.exists(out().resolve("no-schema.schema.json")));
  }

  /**
   * A directory's Kubernetes manifest (several documents separated by ---) is another tool's file,
   * passed over with the warning; it was an error that made 'import .' exit 2. A second document
   * that is a flow still makes the file an error.
   */
  @Test
  void multiDocumentYamlOfOtherToolsIsPassedOver() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(
        in.resolve("service.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n"
            + "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n");
    Files.writeString(in.resolve("flow.yaml"), "workflow:\n  name: Real\n  variables: []\n");
    Result r = CliRunner.run("import", in.toString(), "--out", out().toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("passed over 1 file"), r.err());
    assertTrue(r.err().contains("service.yaml"), r.err());

    Files.writeString(
        in.resolve("service.yaml"),
        "apiVersion: v1\nkind: Service\n---\nworkflow:\n  name: Hidden\n");
    Result hidden = CliRunner.run("import", in.toString(), "--out", out().toString());
    assertEquals(2, hidden.code(), hidden.out() + hidden.err());
    assertTrue(hidden.err().contains("more than one YAML document"), hidden.err());
  }

  /**
   * A saved FlowVersion's "type" says how the version was made (PUBLISH, CHECKIN, SAVE); it was
   * taken for the flow's type, so the flow was imported as a flow of type "publish".
   */
  @Test
  void aFlowVersionsTypeIsNotTheFlowsType() throws IOException {
    Result r =
        importFile(
            "Order Lookup_v3-0.json",
            """
            {"id": "3.0", "name": "3.0", "commitVersion": "3.0", "configurationVersion": "3.0",
             "type": "PUBLISH", "generationId": "x",
             "selfUri": "/api/v2/flows/66666666-1111-1111-1111-111111111111/versions/3.0",
             "inputSchema": {"type": "object", "properties": {"Flow.a": {"type": "string"}}}}
            """);
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode meta = schema("order-lookup.schema.json").path("x-flowlint");
    assertEquals("workflow", meta.path("flowType").asString(), meta.toString());
    assertEquals("66666666-1111-1111-1111-111111111111", meta.path("flowId").asString());
  }

  /**
   * import --check on a schemas directory reached through a symbolic link: the walk saw the link,
   * not the files, so every up-to-date schema was reported out of date (exit 1).
   */
  @Test
  void importCheckThroughASymbolicLinkSeesTheFiles() throws IOException {
    Path real = tmp.resolve("real");
    assertEquals(
        0, CliRunner.run("import", "fixtures/flows", "--out", real.toString(), "-q").code());
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    Result r = CliRunner.run("import", "--check", "fixtures/flows", "--out", link.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("schemas up to date"), r.out());
  }

  /** A variable named "" made an input with an empty name; it is an error like a missing name. */
  @Test
  void aBlankVariableNameIsAnError() throws IOException {
    Result r =
        importFile(
            "blank.yaml",
            "workflow:\n  name: Blank\n  variables:\n    - stringVariable:\n"
                + "        name: \"\"\n        isInput: true\n");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("a stringVariable has no name"), r.err());
  }

  /**
   * Inputs under a misspelt "variables" key (Variables:, varaibles:) were silently none: the flow
   * was imported with no inputs and a launch giving none of them was clean.
   */
  @Test
  void aMisspeltVariablesKeyIsAnError() throws IOException {
    for (String key : List.of("Variables", "varaibles", "variable")) {
      Result r =
          importFile(
              "misspelt.yaml",
              "workflow:\n  name: Misspelt\n  "
                  + key
                  + ":\n    - stringVariable:\n        name: Flow.a\n        isInput: true\n");
      assertEquals(2, r.code(), key + ": " + r.out() + r.err());
      assertTrue(
          r.err().contains("has a key \"" + key + "\" where \"variables\" is meant"), r.err());
    }
  }

  /** {@code isinput: true} (or is_input, IsInput) was not isInput: the input was silently none. */
  @Test
  void aMiscasedVariableKeyIsAnError() throws IOException {
    for (String key : List.of("isinput", "is_input", "IsInput")) {
      Result r =
          importFile(
              "miscased.yaml",
              "workflow:\n  name: Miscased\n  variables:\n    - stringVariable:\n"
                  + "        name: Flow.a\n        "
                  + key
                  + ": true\n");
      assertEquals(2, r.code(), key + ": " + r.out() + r.err());
      assertTrue(r.err().contains("has the key \"" + key + "\"; Archy reads \"isInput\""), r.err());
    }
  }

  /**
   * import --check with a broken definition beside a changed one exited 1, as if only drift were
   * found; a definition that cannot be read is unusable input (2), as it is for import and for
   * --check when nothing else changed.
   */
  @Test
  void importCheckWithABrokenDefinitionExitsTwo() throws IOException {
    Path defs = Files.createDirectories(tmp.resolve("defs"));
    Files.writeString(defs.resolve("a.yaml"), "workflow:\n  name: A\n  variables: []\n");
    assertEquals(
        0, CliRunner.run("import", defs.toString(), "--out", out().toString(), "-q").code());
    Files.writeString(
        defs.resolve("a.yaml"),
        "workflow:\n  name: A\n  variables:\n    - stringVariable:\n"
            + "        name: Flow.x\n        isInput: true\n");
    Files.writeString(defs.resolve("b.yaml"), "workflow:\n  name: B\n  variables: [\n");
    Result r = CliRunner.run("import", "--check", defs.toString(), "--out", out().toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("schemas out of date"), r.out());
    assertTrue(r.err().contains("b.yaml"), r.err());
  }

  /**
   * An Archy flow written in YAML's JSON form ({"workflow": {...}}) was read as JSON that no reader
   * took and passed over as another tool's file: its flow was skipped.
   */
  @Test
  void anArchyFlowInJsonFormImports() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("flows"));
    Files.writeString(
        in.resolve("flow.yaml"),
        "{\"workflow\": {\"name\": \"Json Form\", \"variables\": [{\"integerVariable\":"
            + " {\"name\": \"Flow.n\", \"isInput\": true}}]}}\n");
    Result r = CliRunner.run("import", in.toString(), "--out", out().toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.err().contains("passed over"), r.err());
    JsonNode s = schema("json-form.schema.json");
    assertEquals(List.of("Flow.n"), strings(s.path("required")));
    assertEquals("Integer", s.path("properties").path("Flow.n").path("x-genesys-type").asString());
  }

  /**
   * A saved listing of data actions (GET /api/v2/integrations/actions?expand=contract) was read as
   * a page of flows: each action became a workflow with no inputs, so an execute body missing its
   * required inputs was not checked against any contract. Now each is imported as the data action
   * it is.
   */
  @Test
  void aListingOfDataActionsImportsTheActions() throws IOException {
    Result r =
        importFile(
            "actions.json",
            """
            {"entities": [
              {"id": "a1", "name": "Lookup Order", "category": "Web", "integrationId": "i1",
               "contract": {"input": {"inputSchema": {"type": "object", "required": ["orderId"],
                 "properties": {"orderId": {"type": "string"}}}},
                 "output": {"successSchema": {"type": "object"}}}},
              {"id": "a2", "name": "Cancel Order", "category": "Web", "integrationId": "i1",
               "contract": {"input": {"inputSchema": {"type": "object",
                 "properties": {"reason": {"type": "string"}}}},
                 "output": {"successSchema": {"type": "object"}}}}],
             "pageNumber": 1, "pageSize": 25, "total": 2, "pageCount": 1}
            """);
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode lookup = schema("lookup-order.schema.json");
    assertEquals("data-action", lookup.path("x-flowlint").path("flowType").asString());
    assertEquals(List.of("orderId"), strings(lookup.path("required")));
    assertTrue(Files.exists(out().resolve("cancel-order.schema.json")));
  }

  /**
   * A listing of data actions saved without their contracts names no input: an error, as for flows
   * without schemas, but it told the user to fetch /api/v2/flows/divisionviews?includeSchemas=true,
   * which lists no data action. It names expand=contract now.
   */
  @Test
  void aListingOfDataActionsWithoutContractsSaysHowToFetchThem() throws IOException {
    Result r =
        importFile(
            "actions.json",
            """
            {"entities": [
              {"id": "a1", "name": "Lookup Order", "category": "Web", "integrationId": "i1"},
              {"id": "a2", "name": "Cancel Order", "category": "Web", "integrationId": "i1"}],
             "pageNumber": 1, "pageSize": 25, "total": 2, "pageCount": 1}
            """);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("/api/v2/integrations/actions?expand=contract"), r.err());
    assertFalse(r.err().contains("divisionviews"), r.err());
  }

  /**
   * A page of a listing fetched with includeSchemas=true (its selfUri says so) that holds only
   * flows without inputs (inbound call flows carry no inputSchema, as in
   * fixtures/flows/api/divisionviews-page.json) imports them with no inputs; it was the error
   * "fetched without includeSchemas=true?" (exit 2), which stopped 'import .' on a later page of a
   * long listing.
   */
  @Test
  void aListingPageFetchedWithSchemasOfFlowsWithoutInputsImports() throws IOException {
    Result r =
        importFile(
            "page2.json",
            """
            {"entities": [
              {"id": "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "name": "Main IVR",
               "type": "INBOUNDCALL", "publishedVersion": {"id": "12.0"}},
              {"id": "1a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "name": "After Hours",
               "type": "INBOUNDCALL", "publishedVersion": {"id": "3.0"}}],
             "pageNumber": 2, "pageSize": 25, "pageCount": 2, "total": 27,
             "selfUri": "/api/v2/flows/divisionviews?pageSize=25&pageNumber=2&includeSchemas=true"}
            """);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Main IVR") && r.out().contains("After Hours"), r.out());
  }
}
