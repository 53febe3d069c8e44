package dev.flowlint.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** flowlint pull against a stand-in Genesys Cloud on 127.0.0.1. */
@Timeout(60) // a guard against hangs, not a performance assertion
@Order(9) // see junit-platform.properties: the slowest classes start first
class PullCommandTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  private static final String RESOLVE = "5c4b3a29-1807-4f6e-8d5c-4b3a29180706";
  private static final String TRIGGER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

  @TempDir Path tmp;
  private FakeGenesys fake;
  private Path schemas;

  /** The waits pull asked for, recorded instead of slept. */
  private final List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    fake = new FakeGenesys();
    schemas = tmp.resolve("schemas");
    fake.pageSize = 2;
    fake.pages.add(
        List.of(
            FakeGenesys.workflow(
                ORDER, "Order Lookup", "3.0", "Flow.customer_id:string", "Flow.priority:integer"),
            FakeGenesys.withoutSchema(
                "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "Main IVR", "INBOUNDCALL", "12.0")));
    fake.pages.add(
        List.of(
            FakeGenesys.withoutSchema(RESOLVE, "Resolve Customer", "COMMONMODULE", "1.0"),
            FakeGenesys.workflow(
                TRIGGER, "Order Trigger", "7.0", "Flow.order:object", "Flow.tags:array")));
    fake.versions.put(
        RESOLVE,
        FakeGenesys.flowVersion(
            RESOLVE, "1.0", "Resolve Customer", "{\"Common.ani\":{\"type\":\"string\"}}"));
    fake.versions.put(
        "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
        FakeGenesys.flowVersion("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "12.0", "Main IVR", "{}"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Result pull(String... extra) {
    return pullWith(
        Map.of(
            "GENESYSCLOUD_OAUTHCLIENT_ID",
            FakeGenesys.CLIENT_ID,
            "GENESYSCLOUD_OAUTHCLIENT_SECRET",
            FakeGenesys.SECRET),
        extra);
  }

  private Result pullWith(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "pull",
                "--api-base",
                fake.base(),
                "--login-base",
                fake.base(),
                "--out",
                schemas.toString(),
                "--max-wait",
                "10",
                "--timeout",
                "5"));
    args.addAll(List.of(extra));
    Result r = CliRunner.withEnv(env, waits::add, args.toArray(String[]::new));
    assertNoSecrets(r.out() + r.err());
    return r;
  }

  private static void assertNoSecrets(String text) {
    assertFalse(text.contains(FakeGenesys.SECRET), "secret leaked: " + text);
    assertFalse(text.contains(FakeGenesys.TOKEN_PREFIX), "token leaked: " + text);
  }

  private Map<String, String> written() throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(schemas)) {
      return out;
    }
    try (Stream<Path> files = Files.list(schemas)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        assertNoSecrets(text);
        out.put(f.getFileName().toString(), text);
      }
    }
    return out;
  }

  @Test
  void pullsEveryPageAndFillsMissingSchemasFromVersions() throws IOException {
    Result r = pull("--verbose");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "imported Order Lookup (workflow): 2 inputs, 0 required -> order-lookup.schema.json"),
        r.out());
    assertTrue(
        r.out().contains("imported Resolve Customer (commonmodule): 1 input, 0 required"), r.out());
    assertTrue(r.out().contains("imported Order Trigger (workflow): 2 inputs"), r.out());
    assertTrue(
        r.out()
            .contains(
                "imported Main IVR (inboundcall): 0 inputs, 0 required -> main-ivr.schema.json"),
        r.out());
    assertTrue(
        fake.requests.contains(
            "GET /api/v2/flows/divisionviews?pageSize=2&pageNumber=2&includeSchemas=true"),
        fake.requests.toString());
    assertTrue(
        fake.requests.contains("GET /api/v2/flows/" + RESOLVE + "/versions/1.0"),
        fake.requests.toString());
    assertTrue(
        r.err()
            .contains(
                "flowlint pull: GET /api/v2/flows/divisionviews?includeSchemas=true&pageSize=100&pageNumber=1 -> 200"),
        r.err());
    String order = written().get("order-lookup.schema.json");
    assertTrue(order.contains("\"flowId\": \"" + ORDER + "\""), order);
    assertTrue(order.contains("\"source\": \"Genesys Cloud API (127.0.0.1), version 3.0\""), order);
    assertTrue(order.contains("\"x-genesys-type\": \"Integer\""), order);
    assertTrue(
        written()
            .get("index.json")
            .contains("\"" + RESOLVE + "\": \"resolve-customer.schema.json\""));
  }

  @Test
  void schemasMatchWhatImportWritesFromTheSameResponse() throws IOException {
    assertEquals(0, pull().code());
    Path page = tmp.resolve("page.json");
    Files.writeString(
        page,
        "{\"entities\": ["
            + FakeGenesys.workflow(
                ORDER, "Order Lookup", "3.0", "Flow.customer_id:string", "Flow.priority:integer")
            + "]}");
    Path imported = tmp.resolve("imported");
    assertEquals(
        0, CliRunner.run("import", page.toString(), "--out", imported.toString(), "-q").code());
    String fromImport = Files.readString(imported.resolve("order-lookup.schema.json"));
    String fromPull = written().get("order-lookup.schema.json");
    assertEquals(
        fromImport.replaceAll("\"source\": \"[^\"]*\"", ""),
        fromPull.replaceAll("\"source\": \"[^\"]*\"", ""));
  }

  @Test
  void thePlatformsOwnSchemaShapeIsPulledWithItsTypesAndKeptAsTheContract() throws Exception {
    // A flow version exactly as Genesys publishes it: draft-07, $ref into archString/archInteger
    // definitions.
    String shift = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    tools.jackson.databind.JsonNode flow =
        dev.flowlint.io.CanonicalJson.mapper()
            .readTree(
                Files.readString(Path.of("fixtures/flows/api/flow-version-inputschema.json")));
    fake.pages.add(
        List.of(FakeGenesys.withoutSchema(shift, "Schedule Agent Shift", "WORKFLOW", "2.0")));
    fake.versions.put(shift, dev.flowlint.io.CanonicalJson.write(flow.path("publishedVersion")));
    Result r = pull();
    assertEquals(0, r.code(), r.err());
    String schema = written().get("schedule-agent-shift.schema.json");
    assertTrue(
        schema.contains("\"x-genesys-type\": \"Integer\"")
            && schema.contains("\"x-genesys-type\": \"StringCollection\""),
        schema);
    assertTrue(
        schema.contains("\"archDataTypeId\": \"int\"")
            && schema.contains("\"maximum\": 999999999999999"),
        schema);
    assertTrue(schema.contains("\"flowVersion\": \"2.0\""), schema);
    assertTrue(!schema.contains("Unknown"), schema);
    Result check =
        CliRunner.withStdin(
            "{\"flowId\": \""
                + shift
                + "\", \"inputData\": {\"Flow.shiftMinutes\": \"480\", \"Flow.notes\": null,"
                + " \"Flow.agentId\": 7}}",
            "check",
            "-",
            "--schemas",
            schemas.toString());
    assertEquals(1, check.code(), check.out());
    assertTrue(
        check
            .out()
            .contains(
                "warning[input-type] Flow.shiftMinutes is an Integer given as the string \"480\""),
        check.out());
    assertTrue(
        check.out().contains("error[input-type] Flow.agentId expects a string, got the number 7"),
        check.out());
    assertTrue(
        check.out().contains("checked 1 file: 1 error, 1 warning"),
        "null is NOT_SET, accepted: " + check.out());
  }

  @Test
  void followsPageCountWhenThereIsNoNextUri() {
    fake.useNextUri = false;
    assertEquals(0, pull().code());
    assertTrue(
        fake.requests.contains(
            "GET /api/v2/flows/divisionviews?includeSchemas=true&pageSize=100&pageNumber=2"),
        fake.requests.toString());
  }

  @Test
  void filtersByTypeNameAndId() throws IOException {
    assertEquals(0, pull("--type", "workflow", "--name", "order *").code());
    assertEquals(
        List.of(
            "index.json",
            "order-lookup.launch.schema.json",
            "order-lookup.schema.json",
            "order-trigger.launch.schema.json",
            "order-trigger.schema.json"),
        List.copyOf(written().keySet()));
    assertTrue(fake.requests.get(1).contains("&type=workflow"), fake.requests.toString());
    Files.walk(schemas)
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    assertEquals(0, pull("--id", RESOLVE).code());
    assertEquals(
        List.of(
            "index.json", "resolve-customer.launch.schema.json", "resolve-customer.schema.json"),
        List.copyOf(written().keySet()));
  }

  @Test
  void checkReportsNoDriftThenEachChangeInWords() {
    assertEquals(0, pull().code());
    Result same = pull("--check");
    assertEquals(0, same.code(), same.out() + same.err());
    assertTrue(same.out().startsWith("no drift: 4 flows in the org match"), same.out());

    fake.pages.set(
        0,
        List.of(
            FakeGenesys.workflow(
                ORDER, "Order Lookup", "4.0", "Flow.customer_id:integer", "Flow.express:boolean"),
            FakeGenesys.withoutSchema(
                "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "Main IVR", "INBOUNDCALL", "12.0")));
    fake.pages.set(
        1, List.of(FakeGenesys.withoutSchema(RESOLVE, "Resolve Customer", "COMMONMODULE", "1.0")));
    Result drift = pull("--check");
    assertEquals(1, drift.code(), drift.out() + drift.err());
    assertEquals(
        String.join(
            "\n",
            "flow \"Order Lookup\": input Flow.customer_id changed type from String to Integer",
            "flow \"Order Lookup\": input Flow.express added (Boolean)",
            "flow \"Order Lookup\": input Flow.priority removed",
            "flow \"Order Trigger\": in the schemas directory but no longer in the org",
            "drift: 4 changes between the org and "
                + schemas
                + "; run 'flowlint pull' to update it",
            ""),
        drift.out());
  }

  @Test
  void waitsAsRetryAfterSaysOnA429() {
    fake.listingFaults.add(
        new FakeGenesys.Fault(429, "{\"message\":\"Rate limit exceeded\"}", "1"));
    Result r = pull();
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(Duration.ofSeconds(1)), waits, "waited the Retry-After second");
    assertEquals(2, fake.requests.stream().filter(q -> q.contains("pageNumber=1")).count());
  }

  @Test
  void retries503TwiceThenSucceeds() {
    fake.listingFaults.add(new FakeGenesys.Fault(503, "{\"message\":\"unavailable\"}", null));
    fake.listingFaults.add(new FakeGenesys.Fault(503, "{\"message\":\"unavailable\"}", null));
    Result r = pull();
    assertEquals(0, r.code(), r.err());
    assertEquals(3, fake.requests.stream().filter(q -> q.contains("pageNumber=1")).count());
    assertEquals(2, waits.size(), "backed off before each retry: " + waits);
    assertTrue(
        waits.get(0).toMillis() >= 250 && waits.get(0).toMillis() <= 500,
        "first backoff within 0.25-0.5 s: " + waits);
  }

  @Test
  void aTokenThatExpiresMidRunIsRenewed() {
    fake.tokenLifetime = 2;
    Result r = pull();
    assertEquals(0, r.code(), r.err());
    assertTrue(fake.tokensIssued() >= 2, "a new token after the 401: " + fake.tokensIssued());
  }

  @Test
  void aDroppedConnectionIsRetried() {
    fake.listingFaults.add(FakeGenesys.Fault.DROP);
    Result r = pull("--verbose");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("-> connection dropped"), r.err());
    assertEquals(1, waits.size(), "one backoff before the retry: " + waits);
  }

  @Test
  void forbiddenNamesThePermissionAndLeavesSchemasUntouched() throws IOException {
    assertEquals(0, pull().code());
    Map<String, String> before = written();
    fake.versionFaults.add(
        new FakeGenesys.Fault(
            403, "{\"message\":\"You are not authorized\",\"status\":403}", null));
    Result r = pull();
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "permission denied (403); the OAuth client's role needs the permission architect:flow:view"),
        r.err());
    assertTrue(r.err().contains("was left as it was"), r.err());
    assertEquals(before, written());
    fake.listingFaults.add(new FakeGenesys.Fault(403, "{\"message\":\"no\"}", null));
    assertTrue(pull().err().contains("needs the permission architect:flow:search"));
  }

  @Test
  void aMalformedBodyIsNamedAndNothingIsWritten() throws IOException {
    fake.listingFaults.add(new FakeGenesys.Fault(200, "{\"entities\": [{\"id\": ", null));
    Result r = pull();
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "the answer to GET /api/v2/flows/divisionviews?includeSchemas=true&pageSize=100&pageNumber=1 is not the expected JSON"),
        r.err());
    assertEquals(Map.of(), written());
  }

  @Test
  void badCredentialsArePlainlySaid() {
    Result r =
        pullWith(
            Map.of(
                "GENESYSCLOUD_OAUTHCLIENT_ID",
                FakeGenesys.CLIENT_ID,
                "GENESYSCLOUD_OAUTHCLIENT_SECRET",
                "wrong-" + FakeGenesys.SECRET));
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "bad credentials: 127.0.0.1 did not accept the OAuth client id and secret (400)"),
        r.err());
  }

  @Test
  void rateLimitBeyondTheWaitLimitGivesUpClearly() {
    for (int i = 0; i < 3; i++) {
      fake.listingFaults.add(new FakeGenesys.Fault(429, "{}", "30"));
    }
    Result r = pull();
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "Genesys Cloud is still rate limiting (429) after waiting 0 s; the next wait of 30 s would pass the limit of 10 s"),
        r.err());
  }

  @Test
  void credentialsAndRegionAreChecked() {
    Result none = CliRunner.withEnv(Map.of(), "pull", "--region", "us-east-1");
    assertEquals(2, none.code());
    assertTrue(
        none.err().contains("set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET"),
        none.err());
    Result region =
        CliRunner.withEnv(
            Map.of(
                "GENESYSCLOUD_OAUTHCLIENT_ID",
                "a",
                "GENESYSCLOUD_OAUTHCLIENT_SECRET",
                "b",
                "GENESYSCLOUD_REGION",
                "mars-1"),
            "pull");
    assertEquals(2, region.code());
    assertTrue(
        region
            .err()
            .contains("unknown region \"mars-1\"; valid regions: us-east-1, us-east-2, us-west-2"),
        region.err());
  }

  @Test
  void aTlsFailureIsNamed() throws Exception {
    // A plain-text server where TLS is expected: the handshake fails as it does on a bad
    // certificate or protocol.
    java.net.ServerSocket plain =
        new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!plain.isClosed()) {
                try (java.net.Socket s = plain.accept()) {
                  s.getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    String https = "https://127.0.0.1:" + plain.getLocalPort();
    Result r =
        CliRunner.withEnv(
            Map.of(
                "GENESYSCLOUD_OAUTHCLIENT_ID",
                "a",
                "GENESYSCLOUD_OAUTHCLIENT_SECRET",
                FakeGenesys.SECRET),
            "pull",
            "--api-base",
            https,
            "--login-base",
            https,
            "--out",
            schemas.toString(),
            "--timeout",
            "5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("TLS failure talking to 127.0.0.1 (getting a token)"), r.err());
    assertNoSecrets(r.err());
    plain.close();
  }

  @Test
  void connectionRefusedIsNamed() throws IOException {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Result r =
        CliRunner.withEnv(
            Map.of(
                "GENESYSCLOUD_OAUTHCLIENT_ID",
                "a",
                "GENESYSCLOUD_OAUTHCLIENT_SECRET",
                FakeGenesys.SECRET),
            "pull",
            "--api-base",
            "http://127.0.0.1:" + port,
            "--login-base",
            "http://127.0.0.1:" + port,
            "--out",
            schemas.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "cannot connect to 127.0.0.1:" + port + " (getting a token): connection refused"),
        r.err());
    assertNoSecrets(r.err());
  }
}
