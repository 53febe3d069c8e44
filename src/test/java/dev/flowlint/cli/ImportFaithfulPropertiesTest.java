package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.Properties;
import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Generated Archy YAML flows, written in every legal way (block or flow mappings, keys in any
 * order, quoted or plain values, anchors and aliases, merge keys, CRLF, a BOM), import to exactly
 * the inputs they declare: each name as written, its Architect type and collection-ness, and
 * required when it has no initial value.
 */
class ImportFaithfulPropertiesTest {
  @TempDir Path tmp;

  private static final List<String> TYPES =
      List.of("string", "integer", "decimal", "boolean", "date", "dateTime", "json", "time");

  record Var(
      String name, String type, boolean collection, boolean input, boolean output, boolean init) {
    String genesys() {
      String t = Character.toUpperCase(type.charAt(0)) + type.substring(1);
      return t + (collection ? "Collection" : "");
    }
  }

  record Sample(List<Var> vars, String yaml) {
    @Override
    public String toString() {
      return yaml;
    }
  }

  private static String name(Random r, Set<String> folded) {
    String[] parts = {"id", "Kunde", "número", "名前", "a.b", "x y", "_z", "ça", "Ω", "v2"};
    while (true) {
      StringBuilder b = new StringBuilder("Flow.");
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        b.append(Properties.pick(r, List.of(parts)));
      }
      if (r.nextInt(4) == 0) {
        b.append(r.nextInt(100));
      }
      if (folded.add(b.toString().toLowerCase(Locale.ROOT))) {
        return b.toString();
      }
    }
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('"').toString();
  }

  private static String literal(String type) {
    return switch (type) {
      case "integer" -> "5";
      case "decimal" -> "1.5";
      case "boolean" -> "true";
      case "date" -> "\"2024-01-01\"";
      case "dateTime" -> "\"2024-01-01T10:00:00Z\"";
      case "time" -> "\"10:00:00\"";
      case "json" -> "'{\"a\": 1}'";
      default -> "hello";
    };
  }

  private static Sample generate(Random r) {
    Set<String> folded = new HashSet<>();
    List<Var> vars = new ArrayList<>();
    int count = r.nextInt(8);
    for (int i = 0; i < count; i++) {
      String type = Properties.pick(r, TYPES);
      boolean collection = !type.equals("json") && r.nextInt(4) == 0;
      vars.add(
          new Var(
              name(r, folded),
              type,
              collection,
              r.nextBoolean(),
              r.nextInt(3) == 0,
              r.nextBoolean() && !collection));
    }
    boolean anchors = r.nextBoolean();
    StringBuilder y = new StringBuilder();
    y.append("workflow:\n  name: Generated\n");
    if (r.nextBoolean()) {
      y.append("  description: a generated flow\n");
    }
    y.append("  variables:");
    y.append(vars.isEmpty() ? " []\n" : "\n");
    boolean trueAnchored = false;
    boolean falseAnchored = false;
    for (Var v : vars) {
      List<String> keys = new ArrayList<>();
      keys.add("name: " + quoted(v.name));
      String in = String.valueOf(v.input);
      if (anchors && v.input && !trueAnchored) {
        in = "&yes true";
        trueAnchored = true;
      } else if (anchors && v.input) {
        in = "*yes";
      } else if (anchors && !v.input && !falseAnchored) {
        in = "&no false";
        falseAnchored = true;
      } else if (anchors && !v.input) {
        in = "*no";
      } else if (r.nextInt(3) == 0) {
        in = in.substring(0, 1).toUpperCase(Locale.ROOT) + in.substring(1);
      }
      keys.add(!anchors && v.input && r.nextInt(4) == 0 ? "<<: {isInput: true}" : "isInput: " + in);
      if (v.output || r.nextBoolean()) {
        keys.add("isOutput: " + v.output);
      }
      if (v.init) {
        keys.add("initialValue: {lit: " + literal(v.type) + "}");
      } else if (r.nextBoolean()) {
        keys.add("initialValue: {noValue: true}");
      }
      Collections.shuffle(keys, r);
      String keyword = v.type + (v.collection ? "Collection" : "") + "Variable";
      if (r.nextBoolean()) {
        y.append("    - ").append(keyword).append(": {").append(String.join(", ", keys));
        y.append("}\n");
      } else {
        y.append("    - ").append(keyword).append(":\n");
        for (String k : keys) {
          y.append("        ").append(k).append('\n');
        }
      }
    }
    String text = y.toString();
    if (r.nextInt(4) == 0) {
      text = text.replace("\n", "\r\n");
    }
    if (r.nextInt(5) == 0) {
      text = "\uFEFF" + text;
    }
    return new Sample(vars, text);
  }

  @Test
  void importWritesExactlyTheDeclaredInputs() {
    int[] n = {0};
    Properties.forAll(
        "import is faithful to generated Archy flows",
        60,
        ImportFaithfulPropertiesTest::generate,
        s -> {
          Path dir = Files.createDirectories(tmp.resolve("t" + n[0]++));
          Path file = Files.writeString(dir.resolve("flow.yaml"), s.yaml());
          Path out = dir.resolve("schemas");
          Result r = CliRunner.run("import", file.toString(), "--out", out.toString(), "-q");
          assertEquals(0, r.code(), r.out() + r.err());
          JsonNode schema =
              CanonicalJson.mapper().readTree(out.resolve("generated.schema.json").toFile());
          Map<String, String> expected = new TreeMap<>();
          Set<String> required = new TreeSet<>();
          for (Var v : s.vars()) {
            if (v.input()) {
              expected.put(v.name(), v.genesys());
              if (!v.init()) {
                required.add(v.name());
              }
            }
          }
          Map<String, String> actual = new TreeMap<>();
          JsonNode props = schema.path("properties");
          for (String k : props.propertyNames()) {
            actual.put(k, props.get(k).path("x-genesys-type").asString());
          }
          assertEquals(expected, actual);
          Set<String> req = new TreeSet<>();
          schema.path("required").forEach(x -> req.add(x.asString()));
          assertEquals(required, req);
          for (Var v : s.vars()) {
            if (v.input()) {
              assertEquals(
                  v.collection(),
                  "array".equals(props.path(v.name()).path("type").asString("")),
                  v.name());
            }
          }
        });
  }

  private static final Map<String, String> JSON_TYPES =
      Map.of(
          "string", "String",
          "integer", "Integer",
          "number", "Decimal",
          "boolean", "Boolean",
          "object", "Json",
          "date", "Date",
          "date-time", "DateTime");

  record Api(Map<String, String> types, Set<String> required, String json) {
    @Override
    public String toString() {
      return json;
    }
  }

  private static String typeSchema(Random r, String t, boolean nullable) {
    String base = t.startsWith("date") ? "string" : t;
    String type = nullable ? "[\"" + base + "\", \"null\"]" : "\"" + base + "\"";
    if (nullable && r.nextBoolean()) {
      type = "[\"null\", \"" + base + "\"]";
    }
    return "{\"type\": "
        + type
        + (t.startsWith("date") ? ", \"format\": \"" + t + "\"" : "")
        + (r.nextBoolean() ? ", \"description\": \"d\"" : "")
        + "}";
  }

  private static Api api(Random r) {
    Set<String> folded = new HashSet<>();
    Map<String, String> types = new TreeMap<>();
    Set<String> required = new TreeSet<>();
    List<String> props = new ArrayList<>();
    int count = 1 + r.nextInt(6);
    for (int i = 0; i < count; i++) {
      String name = name(r, folded);
      String t = Properties.pick(r, List.copyOf(new TreeSet<>(JSON_TYPES.keySet())));
      boolean array = !t.equals("object") && r.nextInt(3) == 0;
      String schema =
          array
              ? "{\"type\": "
                  + (r.nextBoolean() ? "[\"array\", \"null\"]" : "\"array\"")
                  + ", \"items\": "
                  + typeSchema(r, t, false)
                  + "}"
              : typeSchema(r, t, r.nextBoolean());
      types.put(name, JSON_TYPES.get(t) + (array ? "Collection" : ""));
      props.add(quoted(name) + ": " + schema);
      if (r.nextBoolean()) {
        required.add(name);
      }
    }
    Collections.shuffle(props, r);
    List<String> top = new ArrayList<>();
    top.add("\"properties\": {" + String.join(", ", props) + "}");
    top.add("\"type\": \"object\"");
    top.add(
        "\"required\": ["
            + String.join(
                ", ", required.stream().map(ImportFaithfulPropertiesTest::quoted).toList())
            + "]");
    Collections.shuffle(top, r);
    String json =
        "{\"id\": \"88888888-1111-1111-1111-111111111111\", \"name\": \"Api Generated\","
            + " \"type\": \"WORKFLOW\", \"inputSchema\": {"
            + String.join(", ", top)
            + "}}";
    return new Api(types, required, json);
  }

  @Test
  void importWritesExactlyTheInputsOfAnApiSchema() {
    int[] n = {0};
    Properties.forAll(
        "import is faithful to generated API input schemas",
        60,
        ImportFaithfulPropertiesTest::api,
        s -> {
          Path dir = Files.createDirectories(tmp.resolve("a" + n[0]++));
          Path file = Files.writeString(dir.resolve("flow.json"), s.json());
          Path out = dir.resolve("schemas");
          Result r = CliRunner.run("import", file.toString(), "--out", out.toString(), "-q");
          assertEquals(0, r.code(), r.out() + r.err());
          JsonNode schema =
              CanonicalJson.mapper().readTree(out.resolve("api-generated.schema.json").toFile());
          Map<String, String> actual = new TreeMap<>();
          JsonNode props = schema.path("properties");
          for (String k : props.propertyNames()) {
            actual.put(k, props.get(k).path("x-genesys-type").asString());
          }
          assertEquals(s.types(), actual);
          Set<String> req = new TreeSet<>();
          schema.path("required").forEach(x -> req.add(x.asString()));
          assertEquals(s.required(), req);
        });
  }
}
