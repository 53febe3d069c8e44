package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.Properties;
import dev.flowlint.TestFiles;
import dev.flowlint.config.Config;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.FileReport;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast path may only be taken where it changes nothing: on generated schemas of the subset and
 * generated instances, {@link SubsetSchema} gives networknt's errors, in networknt's order, with
 * the same keyword, instance location, member, failing schema value and schema location; on the
 * fixtures' flows and generated payloads, a run with the fast path reports exactly what a run with
 * networknt alone reports; and a schema with any keyword outside the subset is not taken.
 */
class SubsetSchemaDifferentialTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NAMES =
      List.of("Flow.a", "Flow.b", "a", "b/c", "x~y", "Task.n", "é", "", "a\nb", "t\tx\f");
  private static final List<String> TYPES =
      List.of("object", "array", "string", "number", "integer", "boolean", "null");
  private static final List<String> PATTERNS =
      List.of(
          "^\\d+$",
          "^-?(0|[1-9]\\d*)$",
          "[a-z]",
          "^[A-Z]{2}-\\d{1,3}$",
          "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
          "^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?$", // an Architect Time
          "^\\p{L}+$",
          "a$",
          "[$]",
          "^$",
          // ECMA-262 that java.util.regex reads otherwise or refuses (EcmaPatterns translates it)
          "^[^]*$",
          "[]",
          "^\\s+$",
          "^\\S\\cJ?.$",
          "\\bAB\\B",
          "^(?<p>[A-Z])\\k<p>?",
          "^\\u{41}\\p{Lu}\\P{Letter}");

  @TempDir Path tmp;

  @Test
  void subsetGivesNetworkntsErrorsOnGeneratedSchemasAndInstances() {
    SchemaEngine networknt = new SchemaEngine(SchemaEngine.Route.NETWORKNT_ONLY);
    int[] compared = {0};
    Properties.forAll(
        "subset schema == networknt",
        2000,
        r -> {
          ObjectNode schema = schema(r, 0);
          if (r.nextBoolean()) {
            schema.put("$schema", SubsetSchema.DIALECT);
          }
          List<JsonNode> instances = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            instances.add(instance(r, 0));
          }
          return new Sample(schema, instances);
        },
        s -> {
          SubsetSchema fast = SubsetSchema.compile(s.schema()).orElseThrow();
          // One cache key per sample: two schemas that print alike may differ in number node types.
          String key = "sample " + compared[0];
          for (JsonNode instance : s.instances()) {
            String expected = outcome(() -> networknt.validate(key, s.schema(), instance, "s"));
            String actual = outcome(() -> fast.validate(instance));
            assertEquals(expected, actual, "instance " + instance);
            compared[0]++;
          }
        });
    assertEquals(12000, compared[0]);
  }

  private record Sample(ObjectNode schema, List<JsonNode> instances) {}

  /** The errors as text: every field networknt and the subset must agree on, in order. */
  static String outcome(Supplier<List<SchemaError>> run) {
    List<SchemaError> errors;
    try {
      errors = run.get();
    } catch (RuntimeException e) {
      return "throws"; // SchemaEngine reports either engine's exception as an unusable schema
    }
    StringBuilder out = new StringBuilder();
    for (SchemaError e : errors) {
      String location = e.schemaLocation();
      out.append(e.keyword())
          .append(' ')
          .append(e.at())
          .append(' ')
          .append(e.property().orElse("-"))
          .append(' ')
          .append(e.schemaNode())
          .append(' ')
          .append(location.substring(location.indexOf('#')))
          .append('\n');
    }
    return out.toString();
  }

  /** A random schema made only of subset keywords, in a random keyword order. */
  private static ObjectNode schema(Random r, int depth) {
    List<Runnable> parts = new ArrayList<>();
    ObjectNode s = NODES.objectNode();
    boolean integer = r.nextInt(3) == 0;
    if (r.nextInt(4) != 0) {
      parts.add(
          () -> {
            if (integer) {
              s.put("type", "integer");
            } else if (r.nextInt(4) == 0) {
              ArrayNode t = s.putArray("type");
              for (int i = 0; i < 1 + r.nextInt(3); i++) {
                t.add(Properties.pick(r, TYPES));
              }
            } else {
              s.put("type", Properties.pick(r, TYPES));
            }
          });
    }
    if (depth < 3 && r.nextInt(3) == 0) {
      parts.add(
          () -> {
            ObjectNode props = s.putObject("properties");
            for (int i = 0; i < r.nextInt(4); i++) {
              props.set(Properties.pick(r, NAMES), schema(r, depth + 1));
            }
          });
    }
    if (r.nextInt(3) == 0) {
      parts.add(
          () -> {
            ArrayNode req = s.putArray("required");
            for (int i = 0; i < r.nextInt(3); i++) {
              req.add(Properties.pick(r, NAMES));
            }
          });
    }
    if (r.nextInt(3) == 0) {
      parts.add(
          () -> {
            if (depth < 3 && r.nextInt(3) == 0) {
              s.set("additionalProperties", schema(r, depth + 1));
            } else {
              s.put("additionalProperties", r.nextBoolean());
            }
          });
    }
    if (depth < 3 && r.nextInt(4) == 0) {
      parts.add(() -> s.set("items", schema(r, depth + 1)));
    }
    if (r.nextInt(4) == 0) {
      parts.add(() -> s.put("pattern", Properties.pick(r, PATTERNS)));
    }
    for (String count : List.of("maxLength", "minLength", "maxItems", "minItems")) {
      if (r.nextInt(5) == 0) {
        parts.add(
            () -> {
              switch (r.nextInt(4)) {
                case 0 -> s.put(count, 0);
                default -> s.put(count, r.nextInt(5));
              }
            });
      }
    }
    for (String bound : List.of("maximum", "minimum")) {
      if (r.nextInt(4) == 0) {
        parts.add(() -> s.set(bound, number(r)));
      }
    }
    if (r.nextInt(4) == 0) {
      parts.add(() -> s.put("format", r.nextBoolean() ? "date-time" : "date"));
    }
    if (r.nextInt(4) == 0) {
      parts.add(() -> s.put("description", "d"));
    }
    if (r.nextInt(4) == 0) {
      parts.add(() -> s.put("x-genesys-type", "String"));
    }
    Collections.shuffle(parts, r);
    parts.forEach(Runnable::run);
    return s;
  }

  private static JsonNode number(Random r) {
    return switch (r.nextInt(9)) {
      case 0 -> NODES.numberNode(r.nextInt(11) - 5);
      case 1 -> NODES.numberNode(999_999_999_999_999L * (r.nextBoolean() ? 1 : -1));
      case 2 -> NODES.numberNode(new BigDecimal("5.5"));
      case 3 -> NODES.numberNode(new BigDecimal("-2.25"));
      case 4 -> NODES.numberNode(new BigDecimal("1E+3"));
      case 5 -> NODES.numberNode(new BigDecimal("3.0"));
      case 6 -> NODES.numberNode(Long.MAX_VALUE);
      case 7 -> NODES.numberNode(new BigInteger("123456789012345678901234"));
      default -> NODES.numberNode((long) r.nextInt(1000));
    };
  }

  /** A random instance, near enough to the schemas' names and bounds to fail and pass both. */
  private static JsonNode instance(Random r, int depth) {
    int kind = r.nextInt(depth < 3 ? 10 : 7);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2, 3 ->
          switch (r.nextInt(5)) {
            case 0 -> NODES.stringNode(String.valueOf(r.nextInt(100) - 50));
            case 1 ->
                NODES.stringNode(
                    Properties.pick(
                        r,
                        List.of(
                            "2024-05-01T13:30:00Z",
                            "2024-05-01",
                            "2024-02-30",
                            "2016-12-31T23:59:60Z",
                            "2024-05-01T13:30:00",
                            "2024-05-01t13:30:00.5+02:00",
                            "23:59:59.5",
                            "25:61",
                            "09:00")));
            case 2 -> NODES.stringNode("\uD83D\uDE00\uD83D\uDE00"); // 2 code points, 4 chars
            case 3 -> NODES.stringNode(r.nextBoolean() ? "AB-12\n" : "AA\u00a0\u0085\u2028\u00e9");
            default -> NODES.stringNode(Properties.string(r, 4));
          };
      case 4, 5 -> numberInstance(r);
      case 6 -> NODES.stringNode("a$");
      case 7, 8 -> {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < r.nextInt(4); i++) {
          o.set(Properties.pick(r, NAMES), instance(r, depth + 1));
        }
        yield o;
      }
      default -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < r.nextInt(4); i++) {
          a.add(instance(r, depth + 1));
        }
        yield a;
      }
    };
  }

  private static JsonNode numberInstance(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> NODES.numberNode(new BigDecimal("5.5"));
      case 1 -> NODES.numberNode(new BigDecimal("1.0"));
      case 2 -> NODES.numberNode(new BigDecimal("1E+3"));
      case 3 -> NODES.numberNode(1_000_000_000_000_000L);
      case 4 -> NODES.numberNode(new BigInteger("-99999999999999999999999"));
      case 5 -> NODES.numberNode(2.5d);
      case 6 -> NODES.numberNode(new BigDecimal("1e30"));
      default -> NODES.numberNode((long) (r.nextInt(13) - 6));
    };
  }

  @Test
  void aSchemaWithAnyOtherKeywordGoesToNetworknt() {
    List<String> others =
        List.of(
            "{\"enum\": [1]}",
            "{\"const\": 1}",
            "{\"format\": \"email\"}",
            "{\"format\": \"time\"}",
            "{\"oneOf\": [{\"type\": \"string\"}]}",
            "{\"anyOf\": [{\"type\": \"string\"}]}",
            "{\"$ref\": \"#/$defs/a\", \"$defs\": {\"a\": {}}}",
            "{\"maximum\": 3, \"exclusiveMaximum\": true}",
            "{\"exclusiveMinimum\": 3}",
            "{\"patternProperties\": {\"a\": {}}}",
            "{\"type\": \"any\"}",
            "{\"type\": [{\"type\": \"string\"}]}",
            "{\"pattern\": \"(\"}",
            "{\"items\": false}",
            "{\"properties\": {\"a\": true}}",
            "{\"properties\": {\"a\": {\"$schema\": \"" + SubsetSchema.DIALECT + "\"}}}",
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}",
            "{\"archDataTypeId\": \"x\"}",
            "{\"nullable\": true}",
            "{\"maximum\": 1.5e300}",
            "{\"required\": [1]}",
            "{\"maxItems\": 2.5}",
            "{\"maxLength\": 2.0}",
            "{\"minLength\": -1}");
    for (String text : others) {
      JsonNode schema = CanonicalJson.mapper().readTree(text);
      assertTrue(SubsetSchema.compile(schema).isEmpty(), text);
    }
    JsonNode plain =
        CanonicalJson.mapper()
            .readTree("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
    assertTrue(SubsetSchema.compile(plain).isPresent(), "a plain subset schema is taken");
  }

  @Test
  void everyInputsSchemaFlowlintWritesForTheFixturesIsTakenByTheFastPath() throws Exception {
    SchemaStore store = FixtureSupport.importFixtures(tmp);
    int taken = 0;
    List<String> notTaken = new ArrayList<>();
    for (SchemaIndex.Entry e : store.entries()) {
      FlowSchema flow = store.byNameOrId(e.flowId().orElse(e.flowName())).orElseThrow();
      if (SubsetSchema.compile(flow.document()).isPresent()) {
        taken++;
      } else {
        notTaken.add(flow.name());
      }
    }
    // Schemas read from the API's own shape (oneOf per type) and data-action contracts carry
    // keywords outside the subset: networknt's. Every schema of an exported flow is taken.
    assertTrue(taken >= 10, "flows taken by the fast path: " + taken + ", not: " + notTaken);
    for (String name : notTaken) {
      FlowSchema flow = store.byNameOrId(name).orElseThrow();
      assertTrue(
          DataActionLinter.TYPE.equals(flow.type())
              || flow.document().toString().contains("\"oneOf\""),
          name + " is not taken: " + flow.document());
    }
  }

  @Test
  void aRunWithTheFastPathReportsWhatNetworkntAloneReports() throws Exception {
    SchemaStore store = FixtureSupport.importFixtures(tmp);
    Config config = FixtureSupport.config();
    PayloadChecker fast = new PayloadChecker(store, config, SchemaEngine.Route.SUBSET_FIRST);
    PayloadChecker slow = new PayloadChecker(store, config, SchemaEngine.Route.NETWORKNT_ONLY);
    List<String> texts = new ArrayList<>();
    for (String payload : FixtureSupport.payloads()) {
      if (payload.startsWith("fixtures/payloads/")) {
        texts.add(Files.readString(TestFiles.fixtures().resolve(payload.substring(9))));
      }
    }
    for (String text : texts) {
      assertEquals(report(slow, text), report(fast, text), text);
    }
    List<FlowSchema> flows = new ArrayList<>();
    for (SchemaIndex.Entry e : store.entries()) {
      FlowSchema flow = store.byNameOrId(e.flowId().orElse(e.flowName())).orElseThrow();
      if (flow.id().isPresent() && !flow.inputs().isEmpty()) {
        flows.add(flow);
      }
    }
    Properties.forAll(
        "fast path == networknt, whole reports",
        800,
        r -> payload(r, Properties.pick(r, flows)),
        text -> assertEquals(report(slow, text), report(fast, text)));
  }

  private static String report(PayloadChecker checker, String text) throws Exception {
    FileReport report = checker.check("p.json", text, Target.NONE);
    return report.flow() + " " + report.envelope() + "\n" + report.diagnostics();
  }

  /** A launch of the flow with its own inputs, misspelt ones and random values. */
  private static String payload(Random r, FlowSchema flow) {
    ObjectNode body = NODES.objectNode();
    body.put("flowId", flow.id().orElseThrow());
    ObjectNode data = body.putObject("inputData");
    List<String> names = new ArrayList<>(flow.inputs().keySet());
    for (String name : names) {
      if (r.nextInt(4) == 0) {
        continue;
      }
      String key =
          switch (r.nextInt(8)) {
            case 0 -> name.toLowerCase(java.util.Locale.ROOT);
            case 1 -> FlowSchema.bare(name);
            default -> name;
          };
      data.set(key, value(r, flow.architectType(name)));
    }
    return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body);
  }

  private static JsonNode value(Random r, String type) {
    if (r.nextInt(3) == 0) {
      return instance(r, 2);
    }
    boolean many = type.endsWith("Collection");
    if (many && r.nextInt(4) != 0) {
      ArrayNode a = NODES.arrayNode();
      for (int i = 0; i < r.nextInt(4); i++) {
        a.add(value(r, type.replace("Collection", "")));
      }
      return a;
    }
    return switch (type.replace("Collection", "")) {
      case "Integer" -> r.nextBoolean() ? numberInstance(r) : NODES.stringNode("" + r.nextInt(9));
      case "Decimal" -> numberInstance(r);
      case "Boolean" -> r.nextBoolean() ? NODES.booleanNode(true) : NODES.stringNode("true");
      case "DateTime" ->
          NODES.stringNode(r.nextBoolean() ? "2024-05-01T13:30:00Z" : "2024-05-01 13:30");
      case "Date" -> NODES.stringNode(r.nextBoolean() ? "2024-05-01" : "May 1st");
      default -> NODES.stringNode(Properties.string(r, 6));
    };
  }
}
