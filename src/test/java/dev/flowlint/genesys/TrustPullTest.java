package dev.flowlint.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: pull, the only part holding a secret, against slow, huge and misdirecting servers. */
@Timeout(60) // a guard against hangs, not a performance assertion
class TrustPullTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  private static final String OTHER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
  private static final Map<String, String> ENV =
      Map.of(
          "GENESYSCLOUD_OAUTHCLIENT_ID",
          FakeGenesys.CLIENT_ID,
          "GENESYSCLOUD_OAUTHCLIENT_SECRET",
          FakeGenesys.SECRET);

  @TempDir Path tmp;
  private FakeGenesys fake;
  private Path schemas;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeGenesys();
    schemas = tmp.resolve("schemas");
    fake.pageSize = 1;
    fake.pages.add(
        List.of(FakeGenesys.workflow(ORDER, "Order Lookup", "3.0", "Flow.customer_id:string")));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Result pull(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "pull",
                "--api-base",
                fake.base(),
                "--login-base",
                fake.base(),
                "--out",
                schemas.toString()));
    args.addAll(List.of(extra));
    Result r = CliRunner.withEnv(ENV, args.toArray(String[]::new));
    assertFalse((r.out() + r.err()).contains(FakeGenesys.SECRET), r.err());
    assertFalse((r.out() + r.err()).contains(FakeGenesys.TOKEN_PREFIX), r.err());
    return r;
  }

  /** Item 9: a body declared larger than a page can be is not read. */
  @Test
  void hugeAnswerIsRefused() {
    fake.listingFaults.add(FakeGenesys.Fault.HUGE_DRIP);
    Result r = pull("--timeout", "20", "--max-wait", "30");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("is larger than 8 MiB"), r.err());
    assertFalse(Files.exists(schemas));
  }

  /** Item 9: a body that never finishes ends at --timeout/--max-wait, not never. */
  @Test
  void endlessAnswerEndsWithinTheLimits() {
    for (int i = 0; i < 6; i++) {
      fake.listingFaults.add(FakeGenesys.Fault.DRIP);
    }
    Result r = pull("--timeout", "1", "--max-wait", "2");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("no complete answer from 127.0.0.1"), r.err());
    assertFalse(Files.exists(schemas));
  }

  /**
   * Answers that never finish, given up on between attempts: said as timeouts with the time they
   * took, not "still unavailable after waiting 0 s; the next wait of 0 s would pass the limit".
   */
  @Test
  void timeoutsAreSaidAsTimeoutsWithTheirTime() {
    for (int i = 0; i < 6; i++) {
      fake.listingFaults.add(FakeGenesys.Fault.DRIP);
    }
    Result r = pull("--timeout", "1", "--max-wait", "3");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("no complete answer from 127.0.0.1"), r.err());
    assertFalse(r.err().contains(" 0 s"), r.err());
    assertFalse(r.err().contains("unavailable"), r.err());
  }

  /** Item 10: a paging link to another origin is not followed and never gets the token. */
  @Test
  void pagingLinkToAnotherOriginIsRefused() throws IOException {
    try (FakeGenesys evil = new FakeGenesys()) {
      fake.listingFaults.add(
          new FakeGenesys.Fault(
              200,
              "{\"entities\": ["
                  + FakeGenesys.workflow(OTHER, "Other", "1.0", "Flow.x:string")
                  + "], \"pageNumber\": 1, \"pageCount\": 2, \"nextUri\": \""
                  + evil.base()
                  + "/api/v2/flows/divisionviews?pageNumber=2\"}",
              null));
      Result r = pull();
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("not followed, so the token is not sent there"), r.err());
      assertTrue(evil.requests.isEmpty(), evil.requests.toString());
    }
  }

  /**
   * A token that no HTTP header can carry (a control character, a line break) is a broken answer,
   * said in words: the header builder's own error quoted the header, token and all.
   */
  @Test
  void aTokenNoHeaderCanCarryIsRefusedWithoutShowingIt() {
    for (String token :
        List.of(
            FakeGenesys.TOKEN_PREFIX + "1\\u0001x",
            FakeGenesys.TOKEN_PREFIX + "1\\r\\nX-Injected: 1",
            FakeGenesys.TOKEN_PREFIX + "1 \\u0100")) {
      fake.tokenFaults.add(
          new FakeGenesys.Fault(
              200, "{\"access_token\": \"" + token + "\", \"expires_in\": 3600}", null));
      Result r = pull();
      assertEquals(2, r.code(), r.err());
      assertTrue(
          r.err()
              .contains("the token answer from 127.0.0.1 has an access_token that cannot be sent"),
          r.err());
      assertFalse(r.err().contains("internal error"), r.err());
      assertFalse(Files.exists(schemas));
    }
  }

  /**
   * The client id and secret travel base64-encoded in the token request's Basic header: a server
   * that echoes them back in an error message must not get them into a CI log that way either.
   */
  @Test
  void theEncodedCredentialsAreRedactedToo() {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (FakeGenesys.CLIENT_ID + ":" + FakeGenesys.SECRET)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    fake.listingFaults.add(
        new FakeGenesys.Fault(
            500, "{\"message\": \"rejected Authorization: Basic " + basic + "\"}", null));
    Result r = pull("--max-wait", "1");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("Genesys Cloud answered 500"), r.err());
    assertFalse((r.out() + r.err()).contains(basic), r.err());
  }

  /**
   * The server's message is cut at 200 characters: cut first and redacted after, a token the cut
   * split in two was no longer the token and its first part was printed.
   */
  @Test
  void aTokenCutByTheMessageLimitIsStillRedacted() {
    String echoed = "x".repeat(184) + FakeGenesys.TOKEN_PREFIX + "1 was refused";
    fake.listingFaults.add(new FakeGenesys.Fault(500, "{\"message\": \"" + echoed + "\"}", null));
    Result r = pull("--max-wait", "1"); // pull() asserts no part of a token is shown
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("Genesys Cloud answered 500"), r.err());
  }

  /** A paging link is the server's text: one holding the token must not carry it into a message. */
  @Test
  void aPagingLinkHoldingTheTokenIsNotPrintedWithIt() {
    fake.listingFaults.add(
        new FakeGenesys.Fault(
            200,
            "{\"entities\": [], \"pageNumber\": 1, \"pageCount\": 2, \"nextUri\":"
                + " \"/api/v2/flows/divisionviews?pageNumber=2&t="
                + FakeGenesys.TOKEN_PREFIX
                + "1\"}",
            null));
    fake.listingFaults.add(new FakeGenesys.Fault(200, "<html>", null));
    Result r = pull(); // pull() asserts no token is shown
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("is not the expected JSON"), r.err());
  }

  /**
   * A paging link back to a page already read went round 1,000 times (the page limit) before
   * stopping: a thousand requests at the org's rate limit for nothing.
   */
  @Test
  void pagingThatGoesRoundStopsAtOnce() {
    String body =
        "{\"entities\": [], \"pageNumber\": 1, \"pageCount\": 2,"
            + " \"nextUri\": \"/api/v2/flows/divisionviews?pageNumber=2\"}";
    for (int i = 0; i < 5; i++) {
      fake.listingFaults.add(new FakeGenesys.Fault(200, body, null));
    }
    Result r = pull();
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("leads back to a page already read"), r.err());
    assertEquals(
        2,
        fake.requests.stream().filter(q -> q.startsWith("GET")).count(),
        fake.requests.toString());
  }

  @Test
  void userInfoTrickInARelativeLinkIsRefused() throws IOException {
    fake.listingFaults.add(
        new FakeGenesys.Fault(
            200,
            "{\"entities\": [], \"pageNumber\": 1, \"pageCount\": 2,"
                + " \"nextUri\": \"@evil.example/api/v2/flows/divisionviews?pageNumber=2\"}",
            null));
    Result r = pull();
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("host evil.example") && r.err().contains("not followed"), r.err());
  }

  /** Item 11: plain http off this machine is refused before any secret is sent. */
  @Test
  void plainHttpToAnotherHostIsRefused() {
    Result r =
        CliRunner.withEnv(
            ENV,
            "pull",
            "--api-base",
            "https://api.example.com",
            "--login-base",
            "http://login.example.com",
            "--out",
            schemas.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("--login-base \"http://login.example.com\" is plain http"), r.err());
    Result api =
        CliRunner.withEnv(
            ENV,
            "pull",
            "--api-base",
            "http://10.0.0.1:8080",
            "--login-base",
            "https://login.example.com",
            "--out",
            schemas.toString());
    assertEquals(2, api.code(), api.err());
    assertTrue(api.err().contains("--api-base \"http://10.0.0.1:8080\" is plain http"), api.err());
  }

  @Test
  void plainHttpToLoopbackIsAllowed() {
    Result r = pull();
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(schemas.resolve("order-lookup.schema.json")));
  }

  /**
   * Item 12: a flow that left the org loses the schema pull wrote for it; imported schemas stay.
   */
  @Test
  void pullRemovesSchemasOfFlowsThatLeftTheOrg() throws IOException {
    fake.pages.set(
        0,
        List.of(
            FakeGenesys.workflow(ORDER, "Order Lookup", "3.0", "Flow.customer_id:string"),
            FakeGenesys.workflow(OTHER, "Other", "1.0", "Flow.x:string")));
    assertEquals(0, pull().code());
    assertTrue(Files.exists(schemas.resolve("other.schema.json")));
    assertTrue(Files.exists(schemas.resolve("other.launch.schema.json")));
    assertEquals(
        0,
        CliRunner.run(
                "import",
                "fixtures/flows/api/divisionviews-page.json",
                "--out",
                schemas.toString(),
                "-q")
            .code());
    fake.pages.set(
        0, List.of(FakeGenesys.workflow(ORDER, "Order Lookup", "3.0", "Flow.customer_id:string")));
    Result check = pull("--check");
    assertEquals(1, check.code(), check.out());
    assertTrue(
        check.out().contains("flow \"Other\": in the schemas directory but no longer in the org"),
        check.out());
    assertFalse(check.out().contains("Resolve Customer"), check.out());
    Result r = pull();
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("removed Other: no longer in the org"), r.out());
    assertFalse(Files.exists(schemas.resolve("other.schema.json")));
    assertFalse(
        Files.exists(schemas.resolve("other.launch.schema.json")),
        "its launch schema goes with it");
    assertTrue(Files.exists(schemas.resolve("order-lookup.launch.schema.json")));
    assertFalse(Files.readString(schemas.resolve("index.json")).contains("other.schema.json"));
    assertTrue(
        Files.exists(schemas.resolve("resolve-customer.schema.json")),
        "an imported schema is never removed by pull");
    Result again = pull("--check");
    assertFalse(again.out().contains("Other"), again.out());
  }

  /**
   * Found while bounding time: a huge Retry-After overflowed the wait arithmetic into an internal
   * error.
   */
  @Test
  void hugeRetryAfterIsAPlainRateLimitMessage() {
    fake.listingFaults.add(
        new FakeGenesys.Fault(429, "{\"message\": \"slow down\"}", "9999999999999999"));
    Result r = pull("--max-wait", "2");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("still rate limiting (429)"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  /** A flow name from the org is shown escaped in every line pull prints. */
  @Test
  void hostileFlowNamesAreShownEscaped() throws IOException {
    // JSON escapes in the listing: the name itself holds ESC and a newline.
    String hostile = "Evil\\u001b[31m\\nName";
    fake.pages.set(
        0,
        List.of(
            FakeGenesys.workflow(ORDER, "Order Lookup", "3.0", "Flow.customer_id:string"),
            FakeGenesys.workflow(OTHER, hostile, "1.0", "Flow.x:string")));
    Result first = pull();
    assertEquals(0, first.code(), first.err());
    fake.pages.set(
        0, List.of(FakeGenesys.workflow(ORDER, "Order Lookup", "3.0", "Flow.customer_id:string")));
    Result check = pull("--check");
    Result second = pull();
    for (Result r : List.of(first, check, second)) {
      String all = r.out() + r.err();
      assertFalse(all.indexOf('\u001b') >= 0, all);
      assertFalse(all.contains("[31m\nName"), all);
    }
    assertTrue(second.out().contains("removed Evil\\u001b[31m\\nName"), second.out());
  }
}
