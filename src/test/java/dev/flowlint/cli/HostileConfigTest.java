package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flowlint.yaml written in odd but legal YAML: it must enforce what it says, or stop with a located
 * message (exit 2), never an internal error.
 */
class HostileConfigTest {
  @TempDir Path tmp;

  /** Order Lookup's only required input is Flow.customer_id; the payload gives just that. */
  private static final String PAYLOAD =
      "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": {\"Flow.customer_id\": \"c\"}}";

  private Result check(String config) throws IOException {
    Path cfg = Files.writeString(tmp.resolve("flowlint.yaml"), config);
    Path p = Files.writeString(tmp.resolve("p.json"), PAYLOAD);
    return CliRunner.run("check", p.toString(), "--config", cfg.toString(), "--schemas", "schemas");
  }

  /**
   * A settings key written twice: the second silently replaced the first, so the first "flows:"
   * overrides were dropped and the check was clean. Now a located error.
   */
  @Test
  void aRepeatedKeyIsAnError() throws IOException {
    Result r =
        check(
            """
            flows:
              Order Lookup:
                required: [Flow.amount]
            rules:
              missing-correlation-id: off
            flows:
              Order Lookup:
                optional: [Flow.priority]
            """);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("flowlint.yaml:6:1: not valid YAML"), r.err());
    assertTrue(r.err().contains("\"flows\" is repeated"), r.err());
  }

  /**
   * An alias stands for what its anchor names: a flows key written as {@code *f} named a flow "f"
   * (Jackson read the alias as its anchor's name), so the override applied to no flow.
   */
  @Test
  void anAliasIsWhatItsAnchorNames() throws IOException {
    Result r =
        check(
            """
            payloads:
              - files: "p.json"
                flow: &f Order Lookup
            flows:
              *f :
                required: [Flow.amount]
            """);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("lacks the required input \"Flow.amount\" of flow \"Order Lookup\""),
        r.out());
    assertFalse(r.err().contains("\"f\""), r.err());
  }

  /** Merge keys bring in the shared settings (they were an unknown key "<<"). */
  @Test
  void mergeKeysMerge() throws IOException {
    Result r =
        check(
            """
            flows:
              6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11: &strict
                required: [Flow.amount]
              Order Lookup:
                <<: *strict
            """);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("\"Flow.amount\""), r.out());
  }

  /** A list or mapping where an input name goes was an internal error. */
  @Test
  void aNestedListWhereANameGoesIsNamed() throws IOException {
    Result r = check("flows:\n  Order Lookup:\n    required: [[Flow.amount]]\n");
    assertEquals(2, r.code(), r.out() + r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertTrue(
        r.err().contains("flows.Order Lookup.required[0]: expected a string, found a list"),
        r.err());
    Result m = check("flows:\n  Order Lookup:\n    optional: [{Flow.amount: x}]\n");
    assertEquals(2, m.code(), m.out() + m.err());
    assertTrue(m.err().contains("found a mapping"), m.err());
  }

  /**
   * A list where one value goes was read as the setting not given: {@code schemas: [dir]} fell back
   * to the default folder, {@code flow: [Order Lookup]} mapped the payload to no flow. Now each is
   * a located usage error.
   */
  @Test
  void aListWhereOneValueGoesIsAnError() throws IOException {
    Result schemas = check("schemas: [elsewhere]\n");
    assertEquals(2, schemas.code(), schemas.out() + schemas.err());
    assertTrue(
        schemas.err().contains("schemas: expected a single value, found a list"), schemas.err());

    Result flow = check("payloads:\n  - files: p.json\n    flow: [Order Lookup]\n");
    assertEquals(2, flow.code(), flow.out() + flow.err());
    assertTrue(
        flow.err().contains("payloads[0]: flow: expected a single value, found a list"),
        flow.err());

    Result env =
        check("payloads:\n  - files: p.json\n    flow: Order Lookup\n    envelope: [inputs]\n");
    assertEquals(2, env.code(), env.out() + env.err());
    assertTrue(env.err().contains("envelope: expected a single value"), env.err());

    Result rule = check("rules:\n  unknown-input: [off]\n");
    assertEquals(2, rule.code(), rule.out() + rule.err());
    assertTrue(rule.err().contains("rules.unknown-input: expected a single value"), rule.err());
  }

  /**
   * A flow's entry by id was ignored whenever one by name existed: its required input went
   * unenforced and the check was clean.
   */
  @Test
  void entriesByNameAndByIdBothApply() throws IOException {
    Result r =
        check(
            """
            flows:
              Order Lookup:
                optional: [Flow.priority]
              6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11:
                required: [Flow.amount]
            """);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("lacks the required input \"Flow.amount\" of flow \"Order Lookup\""),
        r.out());
  }

  /** One input both required and optional: optional silently won. Now a usage error. */
  @Test
  void anInputBothRequiredAndOptionalIsAnError() throws IOException {
    Result r =
        check(
            "flows:\n  Order Lookup:\n    required: [Flow.amount]\n    optional: [Flow.amount]\n");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err()
            .contains("flows.Order Lookup: Flow.amount is listed both as required and as optional"),
        r.err());
  }

  /** Constraints under the flow's id were not merged when its name had an entry too. */
  @Test
  void constraintsByNameAndByIdBothMerge() throws IOException {
    Path cfg =
        Files.writeString(
            tmp.resolve("flowlint.yaml"),
            """
            flows:
              Api Both:
                inputs:
                  Flow.a: {maxLength: 5}
              77777777-1111-1111-1111-111111111111:
                inputs:
                  Flow.b: {enum: [x, y]}
            """);
    Path def =
        Files.writeString(
            tmp.resolve("api.json"),
            """
            {"id": "77777777-1111-1111-1111-111111111111", "name": "Api Both", "type": "WORKFLOW",
             "inputSchema": {"type": "object",
               "properties": {"Flow.a": {"type": "string"}, "Flow.b": {"type": "string"}}}}
            """);
    Path out = tmp.resolve("s");
    Result r =
        CliRunner.run(
            "import", def.toString(), "--out", out.toString(), "--config", cfg.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    String schema = Files.readString(out.resolve("api-both.schema.json"));
    assertTrue(schema.contains("\"maxLength\": 5"), schema);
    assertTrue(schema.contains("\"enum\""), schema);
  }
}
