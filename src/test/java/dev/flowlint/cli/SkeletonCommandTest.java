package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** flowlint skeleton: a body with every required input that check then finds nothing wrong with. */
class SkeletonCommandTest {
  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(
        0,
        CliRunner.run("import", "fixtures/flows", "fixtures/data-actions", "--out", schemas, "-q")
            .code());
  }

  @Test
  void aWorkflowGetsItsLaunchBody() {
    Result r = CliRunner.run("skeleton", "--flow", "Order Lookup", "--schemas", schemas);
    assertEquals(0, r.code(), r.err());
    assertEquals(
        """
        {
          "flowId": "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11",
          "inputData": {
            "Flow.customer_id": ""
          }
        }
        """,
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void aFlowWithoutIdGetsAPlaceholderAndSaysSo() {
    Result r =
        CliRunner.run(
            "skeleton", "--flow", "WFM-HR-FLOW-AddTimeOffRequest-VT", "--schemas", schemas);
    assertEquals(0, r.code(), r.err());
    JsonNode body = CanonicalJson.mapper().readTree(r.out());
    assertEquals("{{ flowId }}", body.get("flowId").asString());
    assertTrue(
        r.err()
            .startsWith(
                "flowlint skeleton: schemas/ has no id for flow \"WFM-HR-FLOW-AddTimeOffRequest-VT\""),
        r.err());
  }

  @Test
  void aCommonModuleGetsTheSharedFlowRequestWithBareNames() {
    Result r = CliRunner.run("skeleton", "--flow", "Resolve Contact", "--schemas", schemas);
    assertEquals(0, r.code(), r.err());
    JsonNode body = CanonicalJson.mapper().readTree(r.out());
    assertEquals("shared", body.get("flowType").asString());
    assertTrue(body.get("inputs").has("identifierType"), r.out());
    assertTrue(body.get("metadata").has("correlationId"), r.out());
  }

  /**
   * The promise of the command: for every flow and data action, in its own envelope, check finds no
   * error.
   */
  @Test
  void everySkeletonChecksClean() {
    JsonNode index = CanonicalJson.mapper().readTree(Path.of(schemas, "index.json").toFile());
    int n = 0;
    for (JsonNode f : index.get("flows")) {
      String name = f.get("flowName").asString();
      for (String envelope : envelopesFor(f.get("flowType").asString())) {
        List<String> args =
            new ArrayList<>(List.of("skeleton", "--flow", name, "--schemas", schemas));
        if (envelope != null) {
          args.addAll(List.of("--envelope", envelope));
        }
        Result skeleton = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, skeleton.code(), name + ": " + skeleton.err());
        List<String> check =
            new ArrayList<>(
                List.of(
                    "check", "-", "--flow", name, "--schemas", schemas, "--fail-on", "warning"));
        if (envelope != null) {
          check.addAll(List.of("--envelope", envelope));
        }
        // No --envelope for the default body: check reads it as skeleton wrote it, even an empty
        // inputs object ({} for Main IVR, an inbound flow without required inputs, was read as a
        // launch body and failed).
        Result checked = CliRunner.withStdin(skeleton.out(), check.toArray(String[]::new));
        assertEquals(
            0, checked.code(), name + " " + envelope + ":\n" + skeleton.out() + checked.out());
        n++;
      }
    }
    assertTrue(n >= 18, "" + n);
  }

  @Test
  void aDataActionWithNestedRequiredPropertiesGetsThemFilledIn() throws Exception {
    Path action = tmp.resolve("nested.custom.json");
    java.nio.file.Files.writeString(
        action,
        """
        {"name": "Nested Action", "integrationType": "purecloud-data-actions", "actionType": "custom",
         "config": {"request": {"requestUrlTemplate": "/api/v2/x", "requestType": "POST", "headers": {},
                                "requestTemplate": "${input.rawRequest}"},
                    "response": {"translationMap": {}, "translationMapDefaults": {}, "successTemplate": "${rawResult}"}},
         "contract": {
           "input": {"inputSchema": {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
             "required": ["customer", "ids"],
             "properties": {
               "customer": {"type": "object", "required": ["id", "tier"],
                            "properties": {"id": {"type": "string"}, "tier": {"type": "integer", "minimum": 1}}},
               "ids": {"type": "array", "minItems": 1,
                       "items": {"type": "object", "required": ["k"], "properties": {"k": {"type": "string", "minLength": 3}}}},
               "note": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}}}},
           "output": {"successSchema": {"type": "object", "properties": {}}}},
         "secure": false}
        """);
    assertEquals(0, CliRunner.run("import", action.toString(), "--out", schemas, "-q").code());
    Result skeleton = CliRunner.run("skeleton", "--flow", "Nested Action", "--schemas", schemas);
    assertEquals(0, skeleton.code(), skeleton.err());
    Result checked =
        CliRunner.withStdin(
            skeleton.out(),
            "check",
            "-",
            "--flow",
            "Nested Action",
            "--schemas",
            schemas,
            "--fail-on",
            "warning");
    assertEquals(0, checked.code(), skeleton.out() + checked.out());
    JsonNode body = CanonicalJson.mapper().readTree(skeleton.out());
    assertEquals(1, body.get("customer").get("tier").asInt());
    assertEquals("xxx", body.get("ids").get(0).get("k").asString());
    assertTrue(!body.has("note"), "an optional object stays out");
  }

  private static List<String> envelopesFor(String type) {
    List<String> out = new ArrayList<>();
    out.add(null);
    if (!type.equals("data-action")) {
      out.add("inputs");
    }
    return out;
  }

  @Test
  void detectFindsTheFlowFromTheSkeletonsId() {
    Result skeleton = CliRunner.run("skeleton", "--flow", "Order Lookup", "--schemas", schemas);
    Result checked = CliRunner.withStdin(skeleton.out(), "check", "-", "--schemas", schemas);
    assertEquals(0, checked.code(), checked.out());
  }

  @Test
  void mistakesExit2() {
    Result unknown = CliRunner.run("skeleton", "--flow", "Order Lokup", "--schemas", schemas);
    assertEquals(2, unknown.code());
    assertEquals(
        "flowlint skeleton: no schema for flow \"Order Lokup\" in "
            + schemas
            + "; did you mean \"Order Lookup\"?\n",
        unknown.err());
    Result envelope =
        CliRunner.run(
            "skeleton", "--flow", "Order Lookup", "--envelope", "soap", "--schemas", schemas);
    assertEquals(2, envelope.code());
    assertTrue(
        envelope
            .err()
            .contains(
                "--envelope must be flow-execution, shared-flow, inputs or data-action, not \"soap\""),
        envelope.err());
    Result missing = CliRunner.run("skeleton", "--schemas", schemas);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("Missing required option: '--flow=NAME|ID'"), missing.err());
  }

  /**
   * A schema edited by hand (or through flowlint.yaml) with a format or pattern: skeleton wrote ""
   * for the input, which check then failed, and said nothing. A common format gets a value of it; a
   * value skeleton cannot make up is named on standard error.
   */
  @Test
  void aFormatGetsAValueOfItAndAPatternItCannotMeetIsSaid() throws Exception {
    Path file = Path.of(schemas, "order-lookup.schema.json");
    tools.jackson.databind.node.ObjectNode doc =
        (tools.jackson.databind.node.ObjectNode) CanonicalJson.mapper().readTree(file.toFile());
    tools.jackson.databind.node.ObjectNode props =
        (tools.jackson.databind.node.ObjectNode) doc.get("properties");
    ((tools.jackson.databind.node.ObjectNode) props.get("Flow.customer_id")).put("format", "email");
    ((tools.jackson.databind.node.ObjectNode) props.get("Flow.due")).put("pattern", "^2030-");
    doc.putArray("required").add("Flow.customer_id").add("Flow.due");
    java.nio.file.Files.writeString(file, doc.toString());

    Result skeleton = CliRunner.run("skeleton", "--flow", "Order Lookup", "--schemas", schemas);
    assertEquals(0, skeleton.code(), skeleton.err());
    JsonNode body = CanonicalJson.mapper().readTree(skeleton.out());
    assertEquals("user@example.com", body.get("inputData").get("Flow.customer_id").asString());
    assertEquals(
        "flowlint skeleton: Flow.due: replace \"2025-01-31T09:00:00Z\" with a value its schema"
            + " allows (pattern ^2030-)\n",
        skeleton.err());
    Result checked =
        CliRunner.withStdin(
            skeleton.out(), "check", "-", "--flow", "Order Lookup", "--schemas", schemas);
    assertEquals(1, checked.code(), checked.out());
    assertTrue(checked.out().contains("1 error"), checked.out());
  }
}
