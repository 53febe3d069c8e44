package dev.flowlint.genesys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Genesys Cloud on 127.0.0.1: the token endpoint, paged division views and flow
 * versions, in the real response shapes, with faults scripted per test.
 */
public final class FakeGenesys implements AutoCloseable {
  public static final String CLIENT_ID = "client-7f3a";
  public static final String SECRET = "s3cr3t-DO-NOT-PRINT-91c2";
  public static final String TOKEN_PREFIX = "tok-NEVER-SHOWN-";

  /**
   * A scripted answer: status, body, and optional Retry-After; DROP cuts the connection mid-body.
   */
  public record Fault(int status, String body, String retryAfter) {
    public static final Fault DROP = new Fault(-1, "", null);

    /** Declares a 100 MB body, then sends one byte every half second. */
    public static final Fault HUGE_DRIP = new Fault(-2, "", null);

    /** A body of unknown length sent one byte every half second, never finishing. */
    public static final Fault DRIP = new Fault(-3, "", null);
  }

  private final HttpServer server;
  public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  public final Deque<Fault> listingFaults = new ArrayDeque<>();
  public final Deque<Fault> versionFaults = new ArrayDeque<>();
  public final Deque<Fault> tokenFaults = new ArrayDeque<>();

  /** Pages of division views; each a list of entity JSON objects. */
  public final List<List<String>> pages = new ArrayList<>();

  /** Flow id → FlowVersion JSON. */
  public final java.util.Map<String, String> versions = new java.util.HashMap<>();

  public volatile int pageSize = 25;
  public volatile boolean useNextUri = true;

  /** Tokens stop being valid after this many API requests each (simulates expiry mid-run). */
  public volatile int tokenLifetime = Integer.MAX_VALUE;

  private final AtomicInteger tokens = new AtomicInteger();
  private final Set<String> valid = Collections.synchronizedSet(new HashSet<>());
  private final java.util.Map<String, AtomicInteger> uses =
      new java.util.concurrent.ConcurrentHashMap<>();

  public FakeGenesys() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oauth/token", this::token);
    server.createContext("/api/v2/flows/", this::api);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int tokensIssued() {
    return tokens.get();
  }

  private void token(HttpExchange ex) throws IOException {
    requests.add("POST /oauth/token");
    Fault f = tokenFaults.poll();
    if (f != null) {
      answer(ex, f);
      return;
    }
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))
        || !body.equals("grant_type=client_credentials")) {
      send(ex, 400, "{\"error\":\"invalid_client\",\"description\":\"client not found\"}", null);
      return;
    }
    String t = TOKEN_PREFIX + tokens.incrementAndGet();
    valid.add(t);
    send(
        ex,
        200,
        "{\"access_token\":\"" + t + "\",\"token_type\":\"bearer\",\"expires_in\":86399}",
        null);
  }

  private void api(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    requests.add("GET " + path + (query == null ? "" : "?" + query));
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String t = auth == null ? "" : auth.replace("Bearer ", "");
    if (!valid.contains(t)
        || uses.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet() > tokenLifetime) {
      valid.remove(t);
      send(
          ex,
          401,
          "{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}",
          null);
      return;
    }
    if (path.equals("/api/v2/flows/divisionviews")) {
      Fault f = listingFaults.poll();
      if (f != null) {
        answer(ex, f);
        return;
      }
      int page = Integer.parseInt(param(query, "pageNumber", "1"));
      send(ex, 200, page(page), null);
      return;
    }
    if (path.matches("/api/v2/flows/[^/]+/versions/[^/]+")) {
      Fault f = versionFaults.poll();
      if (f != null) {
        answer(ex, f);
        return;
      }
      String id = path.split("/")[4];
      String v = versions.get(id);
      send(
          ex,
          v == null ? 404 : 200,
          v == null ? "{\"message\":\"not found\",\"status\":404}" : v,
          null);
      return;
    }
    send(ex, 404, "{\"message\":\"no such path\"}", null);
  }

  private String page(int number) {
    int count = pages.size();
    List<String> entities = number >= 1 && number <= count ? pages.get(number - 1) : List.of();
    StringBuilder b =
        new StringBuilder("{\"entities\":[")
            .append(String.join(",", entities))
            .append("],")
            .append("\"pageSize\":")
            .append(pageSize)
            .append(",\"pageNumber\":")
            .append(number)
            .append(",\"total\":")
            .append(pages.stream().mapToInt(List::size).sum())
            .append(",\"pageCount\":")
            .append(count);
    if (useNextUri && number < count) {
      b.append(",\"nextUri\":\"/api/v2/flows/divisionviews?pageSize=")
          .append(pageSize)
          .append("&pageNumber=")
          .append(number + 1)
          .append("&includeSchemas=true\"");
    }
    b.append(",\"selfUri\":\"/api/v2/flows/divisionviews?pageNumber=").append(number).append("\"}");
    return b.toString();
  }

  private static String param(String query, String name, String fallback) {
    if (query == null) {
      return fallback;
    }
    for (String kv : query.split("&")) {
      if (kv.startsWith(name + "=")) {
        return kv.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  private static void answer(HttpExchange ex, Fault f) throws IOException {
    if (f.status() == -2 || f.status() == -3) {
      ex.sendResponseHeaders(200, f.status() == -2 ? 100_000_000 : 0);
      OutputStream os = ex.getResponseBody();
      try {
        for (int i = 0; i < 60; i++) { // at most 30 s, so a test server never lingers
          os.write('{');
          os.flush();
          Thread.sleep(500);
        }
      } catch (IOException | InterruptedException gone) {
        // The client hung up: what it should do.
      }
      ex.close();
      return;
    }
    if (f.status() == -1) {
      byte[] partial = "{\"entities\":[{\"id\":".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, 5000);
      OutputStream os = ex.getResponseBody();
      os.write(partial);
      os.flush();
      // An exception out of a handler makes the JDK server close the connection mid-body.
      throw new IllegalStateException("dropping the connection on purpose");
    }
    send(ex, f.status(), f.body(), f.retryAfter());
  }

  private static void send(HttpExchange ex, int status, String body, String retryAfter)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      ex.getResponseHeaders().set("Retry-After", retryAfter);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A FlowDivisionView entity with an input schema. */
  public static String workflow(String id, String name, String version, String... inputs) {
    StringBuilder props = new StringBuilder();
    for (int i = 0; i < inputs.length; i++) {
      String[] nt = inputs[i].split(":");
      props
          .append(i == 0 ? "" : ",")
          .append("\"")
          .append(nt[0])
          .append("\":{\"type\":\"")
          .append(nt[1])
          .append("\",\"name\":\"")
          .append(nt[0])
          .append("\",\"required\":false}");
    }
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"type\":\"WORKFLOW\","
        + "\"division\":{\"id\":\"d1\",\"name\":\"Home\"},"
        + "\"inputSchema\":{\"title\":\""
        + name
        + "\",\"type\":\"object\",\"properties\":{"
        + props
        + "}},"
        + "\"outputSchema\":{\"type\":\"object\",\"properties\":{\"Flow.result\":{\"type\":\"string\"}}},"
        + "\"publishedVersion\":{\"id\":\""
        + version
        + "\"},\"selfUri\":\"/api/v2/flows/divisionviews/"
        + id
        + "\"}";
  }

  /** A FlowDivisionView entity without schemas (its published version has them). */
  public static String withoutSchema(String id, String name, String type, String version) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"type\":\""
        + type
        + "\",\"publishedVersion\":{\"id\":\""
        + version
        + "\"}}";
  }

  public static String flowVersion(String id, String version, String name, String inputsJson) {
    return "{\"id\":\""
        + version
        + "\",\"name\":\""
        + name
        + "\",\"commitVersion\":\""
        + version
        + "\",\"configurationVersion\":\""
        + version
        + "\","
        + "\"secure\":false,\"debug\":false,\"inputSchema\":{\"type\":\"object\",\"properties\":"
        + inputsJson
        + "},"
        + "\"selfUri\":\"/api/v2/flows/"
        + id
        + "/versions/"
        + version
        + "\"}";
  }
}
