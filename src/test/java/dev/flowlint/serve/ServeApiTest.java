package dev.flowlint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.config.Config;
import dev.flowlint.config.ConfigReader;
import dev.flowlint.io.CanonicalJson;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every endpoint and every error status of flowlint serve, through the JDK HttpClient on an
 * ephemeral port.
 */
class ServeApiTest {
  private static final String ORDER_ID = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  @TempDir static Path tmp;
  private static Path schemas;
  private static TestServer t;

  @BeforeAll
  static void start() throws Exception {
    schemas = TestServer.importFixtures(tmp.resolve("schemas"));
    t = TestServer.start(schemas, ServeSettings.DEFAULT_MAX_BODY);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static String fixture(String name) throws Exception {
    return Files.readString(Path.of("fixtures/payloads", name));
  }

  // ---- the page ------------------------------------------------------------------------------

  @Test
  void servesThePageWithAStrictPolicyThatAllowsExactlyItsOwnScriptAndStyle() throws Exception {
    HttpResponse<String> r = t.get("/");
    assertEquals(200, r.statusCode());
    assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.body().contains("<textarea id=\"payload\""), "the page has the editor");
    assertFalse(r.body().contains("innerHTML"), "the page never inserts text as HTML");
    assertFalse(r.body().matches("(?s).*<script[^>]+src=.*"), "no script from elsewhere");
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.startsWith("default-src 'self'; "), csp);
    assertTrue(csp.contains("'sha256-" + sha256(between(r.body(), "script")) + "'"), csp);
    assertTrue(csp.contains("'sha256-" + sha256(between(r.body(), "style")) + "'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
    assertNoCors(r);
  }

  private static String between(String html, String element) {
    Matcher m =
        Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), element);
    return m.group(1);
  }

  private static String sha256(String s) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertNoCors(HttpResponse<?> r) {
    for (String name : r.headers().map().keySet()) {
      assertFalse(name.toLowerCase().startsWith("access-control-"), "CORS header " + name);
    }
  }

  // ---- healthz, flows, skeleton --------------------------------------------------------------

  @Test
  void healthzSaysOkAndHowManyFlows() throws Exception {
    HttpResponse<String> r = t.get("/healthz");
    assertEquals(200, r.statusCode());
    JsonNode j = TestServer.json(r);
    assertEquals("ok", j.get("status").asString());
    assertEquals(dev.flowlint.cli.Cli.version(), j.get("version").asString());
    assertEquals(
        Files.list(schemas)
            .filter(
                p ->
                    p.toString().endsWith(".schema.json")
                        && !p.toString().endsWith(".launch.schema.json"))
            .count(),
        j.get("flows").asInt());
  }

  @Test
  void flowsListsEveryFlowWithItsInputs() throws Exception {
    HttpResponse<String> r = t.get("/api/flows");
    assertEquals(200, r.statusCode());
    assertEquals(
        "application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    JsonNode flows = TestServer.json(r).get("flows");
    assertEquals(TestServer.json(t.get("/healthz")).get("flows").asInt(), flows.size());
    JsonNode order = find(flows, "Order Lookup");
    assertEquals(ORDER_ID, order.get("id").asString());
    assertEquals("workflow", order.get("type").asString());
    assertEquals("flow-execution", order.get("envelope").asString());
    JsonNode customer = find(order.get("inputs"), "Flow.customer_id");
    assertEquals("String", customer.get("type").asString());
    assertTrue(customer.get("required").asBoolean());
    JsonNode tags = find(order.get("inputs"), "Flow.tags");
    assertEquals("StringCollection", tags.get("type").asString());
    assertFalse(tags.get("required").asBoolean());
    JsonNode module = find(flows, "Resolve Contact");
    assertEquals("shared-flow", module.get("envelope").asString());
    assertFalse(
        find(module.get("inputs"), "Common.identifierType").get("description").asString().isEmpty(),
        "descriptions are kept");
    JsonNode action = find(flows, "Brian - Create placeholder callback");
    assertEquals("data-action", action.get("type").asString());
    assertEquals("number", find(action.get("inputs"), "callbackNumber").get("type").asString());
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.get("name").asString().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }

  @Test
  void skeletonIsTheTextOfTheSkeletonCommand() throws Exception {
    for (String[] c :
        List.of(
            new String[] {"Order Lookup", null},
            new String[] {"Resolve Contact", null},
            new String[] {"Order Lookup", "inputs"},
            new String[] {"Brian - Create placeholder callback", null})) {
      String q =
          "/api/skeleton?flow="
              + java.net.URLEncoder.encode(c[0], StandardCharsets.UTF_8)
              + (c[1] == null ? "" : "&envelope=" + c[1]);
      HttpResponse<String> r = t.get(q);
      assertEquals(200, r.statusCode(), r.body());
      List<String> args =
          new ArrayList<>(List.of("skeleton", "--flow", c[0], "--schemas", schemas.toString()));
      if (c[1] != null) {
        args.addAll(List.of("--envelope", c[1]));
      }
      CliRunner.Result cli = CliRunner.run(args.toArray(String[]::new));
      assertEquals(0, cli.code(), cli.err());
      assertEquals(cli.out(), TestServer.json(r).get("text").asString(), q);
    }
  }

  @Test
  void skeletonErrors() throws Exception {
    assertError(t.get("/api/skeleton"), 400, "name the flow");
    assertError(
        t.get("/api/skeleton?flow=No%20Such%20Flow"), 404, "no schema for flow \"No Such Flow\"");
    assertError(
        t.get("/api/skeleton?flow=Order%20Lookup&envelope=soap"), 400, "unknown envelope \"soap\"");
    // Which flow was meant cannot be told: refused, not guessed.
    assertError(
        t.get("/api/skeleton?flow=Order%20Lookup&flow=Resolve%20Contact"),
        400,
        "the query parameter \"flow\" is given twice");
  }

  // ---- check ---------------------------------------------------------------------------------

  @Test
  void checkFindsAMisspeltInputWithItsLine() throws Exception {
    HttpResponse<String> r = t.check(fixture("unknown-input.fail.json"), null, null, false);
    assertEquals(200, r.statusCode());
    JsonNode file = TestServer.json(r).get("files").get(0);
    assertEquals("<paste>", file.get("path").asString());
    assertEquals("Order Lookup", file.get("flow").asString());
    JsonNode first = file.get("diagnostics").get(0);
    assertEquals("unknown-input", first.get("rule").asString());
    assertEquals(4, first.get("line").asInt());
    assertEquals("\"Flow.customer_id\"", first.get("fix").get("replacement").asString());
    assertFalse(TestServer.json(r).has("fixed"), "no fixed text unless asked");
  }

  /**
   * Every fixture payload: the API's report is check --format json's, and its fixed text is check
   * --fix's.
   */
  @Test
  void reportAndFixAreThoseOfTheCommandLineForEveryFixture() throws Exception {
    Config config = ConfigReader.read(Path.of("fixtures/flowlint.yaml"), "fixtures/flowlint.yaml");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("fixtures/payloads", "fixtures/data-actions")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        s.filter(p -> !p.toString().endsWith(".expect") && !p.toString().endsWith(".md"))
            .sorted()
            .forEach(files::add);
      }
    }
    int fixed = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      var mapping = config.mappingFor(f.getFileName().toString());
      String flow = mapping.flatMap(Config.PayloadMapping::flow).orElse(null);
      String envelope =
          mapping
              .flatMap(Config.PayloadMapping::envelope)
              .map(dev.flowlint.model.Envelope::id)
              .orElse(null);
      List<String> args = new ArrayList<>(List.of("check", "-", "--schemas", schemas.toString()));
      if (flow != null) {
        args.addAll(List.of("--flow", flow));
      }
      if (envelope != null) {
        args.addAll(List.of("--envelope", envelope));
      }
      List<String> json = new ArrayList<>(args);
      json.addAll(List.of("--format", "json"));
      CliRunner.Result cliReport = CliRunner.withStdin(text, json.toArray(String[]::new));
      HttpResponse<String> api = t.check(text, flow, envelope, false);
      assertEquals(200, api.statusCode(), f + ": " + api.body());
      // flow-id-mismatch names where the flow came from: --flow on the command line, the request's
      // "flow" here.
      JsonNode apiReport =
          CanonicalJson.mapper()
              .readTree(api.body().replace("the request's \\\"flow\\\" names", "--flow names"));
      assertEquals(
          withoutPath(CanonicalJson.mapper().readTree(cliReport.out())),
          withoutPath(apiReport),
          f.toString());

      List<String> fix = new ArrayList<>(args);
      fix.add("--fix");
      CliRunner.Result cliFix = CliRunner.withStdin(text, fix.toArray(String[]::new));
      HttpResponse<String> apiFix = t.check(text, flow, envelope, true);
      JsonNode answer = TestServer.json(apiFix);
      assertEquals(cliFix.out(), answer.get("fixed").get("text").asString(), f.toString());
      assertEquals(
          !cliFix.out().equals(text), answer.get("fixed").get("changed").asBoolean(), f.toString());
      if (answer.get("fixed").get("changed").asBoolean()) {
        fixed++;
      }
    }
    assertTrue(fixed >= 5, "the fixtures exercise fixes: " + fixed);
  }

  private static JsonNode withoutPath(JsonNode report) {
    ObjectNode copy = (ObjectNode) report.deepCopy();
    ((ObjectNode) copy.get("files").get(0)).remove("path");
    copy.remove("fixed");
    return copy;
  }

  @Test
  void flowAndEnvelopeFromTheRequestAreUsed() throws Exception {
    String inputs = "{\"Flow.customer_id\": \"C-1\", \"Flow.priorty\": 1}";
    JsonNode file =
        TestServer.json(t.check(inputs, "Order Lookup", "inputs", false)).get("files").get(0);
    assertEquals("Order Lookup", file.get("flow").asString());
    assertEquals("inputs", file.get("envelope").asString());
    assertEquals(
        "Flow.priority",
        file.get("diagnostics")
            .get(0)
            .get("message")
            .asString()
            .replaceAll(".*did you mean \"([^\"]+)\".*", "$1"));
    JsonNode detect =
        TestServer.json(t.check(inputs, "detect", "detect", false)).get("files").get(0);
    assertEquals(
        "unknown-flow",
        detect.get("diagnostics").get(0).get("rule").asString(),
        "detect resolves from flowId only");
  }

  @Test
  void aRequestThatIsNotJsonIsToldWhereInPlainWordsWithoutTheParsersInternals() throws Exception {
    for (String body :
        new String[] {
          "[1,2", "{\"payload\": \"x\"", "{\"payload\": tru}", "{\"payload\":\n  \"x\" \"y\"}"
        }) {
      HttpResponse<String> r = t.post("/api/check", body);
      assertError(r, 400, "not JSON (line ");
      String message = TestServer.json(r).get("message").asString();
      for (String internal : List.of("Source", "REDACTED", "StreamReadFeature", "#UNKNOWN", "`")) {
        assertFalse(message.contains(internal), body + " gave: " + message);
      }
    }
  }

  @Test
  void applyAllFixesNeverLeavesTwoEqualKeys() throws Exception {
    String payload =
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": "
            + "{\"Flow.customer_id\": \"1\", \"Flow.Customer_id\": \"2\", \"Flow.amont\": 1, \"Flow.Amont\": 2}}";
    JsonNode fixed = TestServer.json(t.check(payload, null, null, true)).get("fixed");
    String text = fixed.get("text").asString();
    assertEquals(payload.replace("Flow.amont", "Flow.amount"), text, fixed.toString());
  }

  @Test
  void badCheckRequestsAre400WithAMessage() throws Exception {
    assertError(t.post("/api/check", "{not json"), 400, "not JSON");
    assertError(t.post("/api/check", "[1]"), 400, "must be a JSON object");
    assertError(t.post("/api/check", ""), 400, "must be a JSON object");
    assertError(t.post("/api/check", "{}"), 400, "\"payload\" must be a string");
    assertError(
        t.post("/api/check", "{\"payload\": {\"flowId\": 1}}"),
        400,
        "\"payload\" must be a string");
    assertError(
        t.post("/api/check", "{\"payload\": \"{}\", \"flowName\": \"x\"}"),
        400,
        "unknown field \"flowName\"");
    assertError(
        t.post("/api/check", "{\"payload\": \"{}\", \"fix\": \"yes\"}"),
        400,
        "\"fix\" must be true or false");
    assertError(
        t.post("/api/check", "{\"payload\": \"{}\", \"flow\": 3}"),
        400,
        "\"flow\" must be a string");
    assertError(
        t.post("/api/check", "{\"payload\": \"{}\", \"envelope\": \"soap\"}"),
        400,
        "unknown envelope \"soap\"");
    HttpResponse<String> text =
        t.client.send(
            HttpRequest.newBuilder(t.uri("/api/check"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\": \"{}\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertError(text, 415, "application/json");
    // Only application/json itself, with or without parameters: not a type that starts so.
    for (String type : new String[] {"application/jsonx", "application/json-patch+json"}) {
      HttpResponse<String> other =
          t.client.send(
              HttpRequest.newBuilder(t.uri("/api/check"))
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"payload\": \"{}\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(other, 415, "application/json");
    }
    HttpResponse<String> withCharset =
        t.client.send(
            HttpRequest.newBuilder(t.uri("/api/check"))
                .header("Content-Type", "Application/JSON ; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\": \"{}\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, withCharset.statusCode(), withCharset.body());
  }

  @Test
  void aRequestBodyWithARepeatedKeyIs400NamingTheKey() throws Exception {
    // Which "payload" would be checked cannot be told: the request is refused, not guessed.
    assertError(
        t.post("/api/check", "{\"payload\": \"x\", \"payload\": \"{}\"}"),
        400,
        "the key \"payload\" is repeated in the request body (line 1, column 18)");
    assertError(
        t.post("/api/check", "{\"payload\": \"{}\", \"fix\": true,\n \"fix\": false}"),
        400,
        "the key \"fix\" is repeated");
    assertError(
        t.post("/api/check", "{\"payload\": \"{}\", \"flow\": {\"a\": 1, \"a\": 2}}"),
        400,
        "the key \"a\" is repeated");
    // A repeat inside the payload's text is the checker's business: a finding, not an error.
    HttpResponse<String> inside = t.check("{\"a\": 1, \"a\": 2}", null, "inputs", false);
    assertEquals(200, inside.statusCode(), inside.body());
    assertTrue(inside.body().contains("duplicate-key"), inside.body());
  }

  @Test
  void aPayloadThatIsNotJsonIsAFindingNotAnError() throws Exception {
    HttpResponse<String> r = t.check("{\"flowId\": ", null, null, false);
    assertEquals(200, r.statusCode());
    assertEquals(
        "invalid-json",
        TestServer.json(r).get("files").get(0).get("diagnostics").get(0).get("rule").asString());
  }

  /** HEAD answers as GET would, without a body, and without the JDK logging a warning. */
  @Test
  void headIsGetWithoutABody() throws Exception {
    java.util.logging.Logger jdk = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    List<String> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.logging.Handler catcher =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
              warnings.add(r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jdk.addHandler(catcher);
    try {
      String self = "127.0.0.1:" + t.server.port();
      for (String path : List.of("/healthz", "/api/flows", "/")) {
        String answer =
            t.raw("HEAD " + path + " HTTP/1.1\r\nHost: " + self + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), path + " → " + answer);
        assertTrue(answer.endsWith("\r\n\r\n"), "no body after the headers: " + answer);
      }
      String check =
          t.raw("HEAD /api/check HTTP/1.1\r\nHost: " + self + "\r\nConnection: close\r\n\r\n");
      assertTrue(check.startsWith("HTTP/1.1 405"), check);
      assertTrue(check.contains("Allow: POST"), check);
      assertTrue(check.endsWith("\r\n\r\n"), check);
      assertEquals(List.of(), warnings);
    } finally {
      jdk.removeHandler(catcher);
    }
  }

  @Test
  void unknownPathsAre404AndWrongMethods405WithAllow() throws Exception {
    assertError(t.get("/api/nothing"), 404, "no such page");
    assertError(t.get("/index.php"), 404, "no such page");
    HttpResponse<String> getCheck = t.get("/api/check");
    assertError(getCheck, 405, "use POST");
    assertEquals("POST", getCheck.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> postFlows = t.post("/api/flows", "{}");
    assertError(postFlows, 405, "use GET");
    assertEquals("GET, HEAD", postFlows.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> preflight =
        t.client.send(
            HttpRequest.newBuilder(t.uri("/api/check"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, preflight.statusCode(), "no CORS preflight is ever granted");
    assertNoCors(preflight);
  }

  // ---- safety ----------------------------------------------------------------------------------

  @Test
  void hostHeaderMustNameThisServer() throws Exception {
    int port = t.server.port();
    for (String host :
        List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
      assertTrue(t.raw(get(host)).startsWith("HTTP/1.1 200"), host);
    }
    for (String host :
        List.of(
            "evil.example:" + port,
            "evil.example",
            "127.0.0.1",
            "127.0.0.1:" + (port == 65535 ? 1 : port + 1),
            "localhost.evil.example:" + port,
            "127.0.0.2:" + port,
            "10.0.0.1:" + port,
            "[::2]:" + port,
            "999.0.0.1:" + port,
            "")) {
      String answer = t.raw(get(host));
      assertTrue(answer.startsWith("HTTP/1.1 421"), host + " → " + answer);
      assertTrue(
          answer.contains("\"message\": \"this server answers only to its own address"), answer);
    }
  }

  /** A path starting "//" names no host: it is no page here, not a misdirected request. */
  @Test
  void aPathWithTwoLeadingSlashesIsNoSuchPage() throws Exception {
    String self = "127.0.0.1:" + t.server.port();
    for (String path : List.of("//api/flows", "///api/flows?x=1")) {
      String answer =
          t.raw("GET " + path + " HTTP/1.1\r\nHost: " + self + "\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
      assertTrue(answer.contains("no such page: " + path.replace("?x=1", "")), answer);
    }
  }

  @Test
  void anAbsoluteRequestTargetAndASecondHostHeaderAreCheckedToo() throws Exception {
    int port = t.server.port();
    String self = "127.0.0.1:" + port;
    assertTrue(
        t.raw(
                "GET http://"
                    + self
                    + "/healthz HTTP/1.1\r\nHost: "
                    + self
                    + "\r\nConnection: close\r\n\r\n")
            .startsWith("HTTP/1.1 200"),
        "the absolute form naming this server is fine");
    for (String request :
        List.of(
            "GET http://evil.example:"
                + port
                + "/healthz HTTP/1.1\r\nHost: "
                + self
                + "\r\nConnection: close\r\n\r\n",
            "GET /healthz HTTP/1.1\r\nHost: "
                + self
                + "\r\nHost: evil.example:"
                + port
                + "\r\nConnection: close\r\n\r\n")) {
      String answer = t.raw(request);
      assertTrue(answer.startsWith("HTTP/1.1 421"), request + " → " + answer);
      assertTrue(
          answer.contains("\"message\": \"this server answers only to its own address"), answer);
    }
  }

  private static String get(String host) {
    return "GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
  }

  @Test
  void crossOriginPostsAre403AndSameOriginOnesPass() throws Exception {
    String body = TestServer.checkBody("{}", null, null, false);
    String self = "http://127.0.0.1:" + t.server.port();
    assertEquals(200, postWith(body, "Origin", self).statusCode());
    assertError(
        postWith(body, "Origin", "http://evil.example"), 403, "cross-origin requests are refused");
    assertError(
        postWith(body, "Origin", "http://localhost:" + t.server.port()),
        403,
        "cross-origin"); // Host says 127.0.0.1
    assertError(postWith(body, "Origin", "null"), 403, "cross-origin");
    assertError(
        postWith(body, "Origin", "https://127.0.0.1:" + t.server.port()), 403, "cross-origin");
    assertError(postWith(body, "Sec-Fetch-Site", "cross-site"), 403, "Sec-Fetch-Site: cross-site");
    assertEquals(200, postWith(body, "Sec-Fetch-Site", "same-origin").statusCode());
    assertEquals(
        200, t.post("/api/check", body).statusCode(), "a command-line client sends no Origin");
  }

  private static HttpResponse<String> postWith(String body, String header, String value)
      throws Exception {
    return t.client.send(
        HttpRequest.newBuilder(t.uri("/api/check"))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bodiesOverTheCapAre413WithOrWithoutALength() throws Exception {
    try (TestServer small = TestServer.start(schemas, 2000)) {
      String fits =
          TestServer.checkBody(
              "{\"flowId\": \""
                  + ORDER_ID
                  + "\", \"inputData\": {\"Flow.customer_id\": \""
                  + "x".repeat(1800)
                  + "\"}}",
              null,
              null,
              false);
      assertTrue(fits.length() <= 2000);
      assertEquals(200, small.post("/api/check", fits).statusCode());
      String big =
          TestServer.checkBody(
              "{\"flowId\": \""
                  + ORDER_ID
                  + "\", \"inputData\": {\"Flow.customer_id\": \""
                  + "x".repeat(2000)
                  + "\"}}",
              null,
              null,
              false);
      assertError(small.post("/api/check", big), 413, "larger than 2000 bytes");
      byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> chunked =
          small.client.send(
              HttpRequest.newBuilder(small.uri("/api/check"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(bytes)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(chunked, 413, "larger than 2000 bytes");
      assertEquals(200, small.get("/healthz").statusCode(), "the server goes on");
    }
    assertEquals(1024 * 1024, ServeSettings.DEFAULT_MAX_BODY);
  }

  @Test
  void concurrentChecksEachGetTheirOwnAnswer() throws Exception {
    List<String> payloads = new ArrayList<>();
    for (String name :
        List.of(
            "unknown-input.fail.json",
            "input-type.fail.json",
            "order-lookup.pass.json",
            "nested-scope.fail.json",
            "field-type.fail.json",
            "flow-type-mismatch.fail.json",
            "invalid-json.fail.json",
            "output-variable.fail.json")) {
      payloads.add(fixture(name));
    }
    Map<Integer, String> expected = new TreeMap<>();
    for (int i = 0; i < payloads.size(); i++) {
      expected.put(i, t.check(payloads.get(i), null, null, i % 2 == 0).body());
    }
    List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < payloads.size(); i++) {
        running.add(
            t.client.sendAsync(
                HttpRequest.newBuilder(t.uri("/api/check"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            TestServer.checkBody(payloads.get(i), null, null, i % 2 == 0)))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
    }
    for (int k = 0; k < running.size(); k++) {
      HttpResponse<String> r = running.get(k).get();
      assertEquals(
          200, r.statusCode(), () -> r.body() + "\n" + t.log.toString(StandardCharsets.UTF_8));
      assertEquals(expected.get(k % payloads.size()), r.body(), "request " + k);
    }
  }

  private static void assertError(HttpResponse<String> r, int status, String messagePart) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    JsonNode j = TestServer.json(r);
    assertEquals(status, j.get("status").asInt());
    assertNotNull(j.get("error").asString());
    assertTrue(j.get("message").asString().contains(messagePart), j.get("message").asString());
    assertFalse(r.body().contains("\tat "), "no stack trace");
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertNoCors(r);
  }
}
