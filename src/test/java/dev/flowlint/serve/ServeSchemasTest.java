package dev.flowlint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server follows schemas/ as it changes, and never writes a file. */
class ServeSchemasTest {
  @TempDir Path tmp;

  @Test
  void anImportInAnotherTerminalIsPickedUpOnTheNextRequest() throws Exception {
    Path schemas = tmp.resolve("schemas");
    assertEquals(
        0, CliRunner.run("import", "fixtures/flows", "--out", schemas.toString(), "-q").code());
    try (TestServer t = TestServer.start(schemas, ServeSettings.DEFAULT_MAX_BODY)) {
      int before = TestServer.json(t.get("/api/flows")).get("flows").size();
      String body = "{\"callbackNumber\": 5551234}";
      JsonNode unknown =
          TestServer.json(
                  t.check(body, "Brian - Create placeholder callback", "data-action", false))
              .get("files")
              .get(0);
      assertEquals("unknown-flow", unknown.get("diagnostics").get(0).get("rule").asString());

      assertEquals(
          0,
          CliRunner.run(
                  "import",
                  "fixtures/flows",
                  "fixtures/data-actions",
                  "--out",
                  schemas.toString(),
                  "-q")
              .code());
      int after = TestServer.json(t.get("/api/flows")).get("flows").size();
      assertTrue(after > before, before + " → " + after);
      JsonNode known =
          TestServer.json(
                  t.check(body, "Brian - Create placeholder callback", "data-action", false))
              .get("files")
              .get(0);
      assertEquals("Brian - Create placeholder callback", known.get("flow").asString());
      assertEquals(0, known.get("diagnostics").size(), known.toString());
    }
  }

  @Test
  void anEditedSchemaIsUsedByEveryWorker() throws Exception {
    Path schemas = tmp.resolve("schemas");
    assertEquals(
        0, CliRunner.run("import", "fixtures/flows", "--out", schemas.toString(), "-q").code());
    try (TestServer t = TestServer.start(schemas, ServeSettings.DEFAULT_MAX_BODY)) {
      String body =
          "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": {\"Flow.customer_id\": \"C-1\"}}";
      for (int i = 0; i < 8; i++) { // warm several workers on the old schema
        assertEquals(
            0,
            TestServer.json(t.check(body, null, null, false)).get("summary").get("errors").asInt());
      }
      Path order = schemas.resolve("order-lookup.schema.json");
      Files.writeString(
          order,
          Files.readString(order)
              .replace(
                  "\"Flow.customer_id\"\n  ]",
                  "\"Flow.customer_id\",\n    \"Flow.priority\"\n  ]"));
      for (int i = 0; i < 8; i++) {
        JsonNode report = TestServer.json(t.check(body, null, null, false));
        assertEquals(
            "missing-required-input",
            report.get("files").get(0).get("diagnostics").get(0).get("rule").asString(),
            "request " + i);
      }
    }
  }

  @Test
  void unusableSchemasAre503UntilFixed() throws Exception {
    Path schemas = tmp.resolve("schemas");
    assertEquals(
        0, CliRunner.run("import", "fixtures/flows", "--out", schemas.toString(), "-q").code());
    try (TestServer t = TestServer.start(schemas, ServeSettings.DEFAULT_MAX_BODY)) {
      Path index = schemas.resolve("index.json");
      String good = Files.readString(index);
      Files.writeString(index, "{ not json");
      var r = t.get("/api/flows");
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(
          TestServer.json(r).get("message").asString().contains("index.json is not valid JSON"),
          r.body());
      assertEquals(200, t.get("/healthz").statusCode(), "the server itself is up");
      Files.writeString(index, good);
      assertEquals(200, t.get("/api/flows").statusCode());
    }
  }

  @Test
  void checkingAndFixingWriteNothing() throws Exception {
    Path schemas = TestServer.importFixtures(tmp.resolve("schemas"));
    Map<String, String> before = snapshot(tmp);
    Map<String, String> fixturesBefore = snapshot(TestFiles.fixtures());
    try (TestServer t = TestServer.start(schemas, ServeSettings.DEFAULT_MAX_BODY)) {
      try (Stream<Path> s = Files.list(Path.of("fixtures/payloads"))) {
        for (Path p : s.filter(p -> !p.toString().endsWith(".expect")).toList()) {
          t.check(Files.readString(p), null, null, true);
        }
      }
      t.get("/api/skeleton?flow=Order%20Lookup");
    }
    assertEquals(before, snapshot(tmp));
    assertEquals(fixturesBefore, snapshot(TestFiles.fixtures()));
  }

  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        out.put(
            dir.relativize(p).toString(),
            Files.isRegularFile(p) ? Files.readString(p) + Files.getLastModifiedTime(p) : "dir");
      }
    }
    return out;
  }
}
