package dev.flowlint.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code flowlint serve}: the paste page and its JSON API on the JDK's HTTP server. Every request
 * passes the Host check first; POSTs also pass the Origin check; nothing is ever written to disk.
 */
public final class FlowServer implements AutoCloseable {
  private static final int THREADS = 4;

  static {
    // The JDK server waits forever by default for a request's headers and body, so four clients
    // that open a connection and stall (slowloris) would hold every worker. These bound each
    // request and each response; the JDK reads them once, when its server class first loads.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "60");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final HostGuard guard;
  private final Page page;
  private final Api api;
  private final long maxBody;
  private final PrintStream log;
  private final URI url;
  private final boolean loopback;
  private final int flows;
  private final CountDownLatch closed = new CountDownLatch(1);

  private FlowServer(
      HttpServer server,
      ExecutorService workers,
      HostGuard guard,
      Page page,
      Api api,
      long maxBody,
      PrintStream log,
      URI url,
      boolean loopback,
      int flows) {
    this.server = server;
    this.workers = workers;
    this.guard = guard;
    this.page = page;
    this.api = api;
    this.maxBody = maxBody;
    this.log = log;
    this.url = url;
    this.loopback = loopback;
    this.flows = flows;
  }

  /** Cannot listen where asked: the address does not resolve, or the port is taken. */
  public static final class BindFailure extends Exception {
    public BindFailure(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Starts listening; the schemas directory must be usable now (later changes are picked up).
   *
   * @param log where internal errors are told (never payload text)
   */
  public static FlowServer start(ServeSettings settings, PrintStream log)
      throws StoreException, BindFailure {
    int flows = SchemaStore.open(settings.schemas(), settings.schemasDisplay()).entries().size();
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.host());
    } catch (IOException e) {
      throw new BindFailure("cannot resolve --host " + settings.host());
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, settings.port()), 64);
    } catch (IOException e) {
      throw new BindFailure(
          "cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "); pick another port with --port (0 picks a free one)");
    }
    int port = server.getAddress().getPort();
    AtomicInteger n = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "flowlint-serve-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    String shownHost =
        address.isAnyLocalAddress()
            ? "127.0.0.1"
            : settings.host().contains(":") && !settings.host().startsWith("[")
                ? "[" + settings.host() + "]"
                : settings.host();
    Api api =
        new Api(
            new LiveSchemas(settings.schemas(), settings.schemasDisplay(), settings.config()),
            settings.version());
    FlowServer s =
        new FlowServer(
            server,
            workers,
            HostGuard.of(settings.host(), address, port),
            Page.load(),
            api,
            settings.maxBody(),
            log,
            URI.create("http://" + shownHost + ":" + port + "/"),
            address.isLoopbackAddress(),
            flows);
    server.createContext("/", s::handle);
    server.setExecutor(workers);
    server.start();
    return s;
  }

  public URI url() {
    return url;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** False when other machines may reach it (the command warns). */
  public boolean loopback() {
    return loopback;
  }

  /** How many flows schemas/ held at start. */
  public int flows() {
    return flows;
  }

  /** Blocks until {@link #close()}. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops listening and lets the workers finish; safe to call twice and from a shutdown hook. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    server.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed.countDown();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      Headers h = exchange.getResponseHeaders();
      h.set("Content-Security-Policy", page.csp());
      h.set("X-Content-Type-Options", "nosniff");
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      h.set("Cross-Origin-Resource-Policy", "same-origin");
      h.set("Cache-Control", "no-store");
      try {
        route(exchange);
      } catch (HttpProblem p) {
        if (p.status() == 405) {
          String allow = allowed(exchange.getRequestURI().getRawPath());
          h.set("Allow", allow.equals("GET") ? "GET, HEAD" : allow);
        }
        sendError(exchange, p.status(), p.getMessage());
      } catch (StoreException | SchemaStore.BadSchema e) {
        sendError(exchange, 503, "schemas cannot be used now: " + e.getMessage());
      } catch (RuntimeException e) {
        log.println(
            "flowlint serve: internal error on "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI().getRawPath()
                + ": "
                + e.getClass().getSimpleName());
        sendError(
            exchange,
            500,
            "internal error (" + e.getClass().getSimpleName() + "); this is a bug in flowlint");
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  private void route(HttpExchange exchange) throws HttpProblem, StoreException, IOException {
    Headers in = exchange.getRequestHeaders();
    String host = in.getFirst("Host");
    guard.checkHost(host);
    if (in.get("Host").size() > 1) {
      guard.checkHost(
          String.join(", ", in.get("Host"))); // two Host headers: which one is meant cannot be told
    }
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    if (uri.getScheme() != null && uri.getRawAuthority() != null) {
      // An absolute request target names the host itself, whatever Host says.
      guard.checkHost(uri.getRawAuthority());
    } else if (uri.getScheme() == null) {
      // The path as sent: "//api/flows" and "///api/flows" are paths, not a host named "api".
      String raw = uri.toString();
      int end = raw.indexOf('?');
      path = end < 0 ? raw : raw.substring(0, end);
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    if (method.equals("POST")) {
      guard.checkOrigin(in.getFirst("Origin"), in.getFirst("Sec-Fetch-Site"), host);
    }
    String allow = allowed(path);
    if (allow.isEmpty()) {
      throw new HttpProblem(
          404,
          "no such page: "
              + path
              + " (the API is GET /api/flows, GET /api/skeleton, POST /api/check, GET /healthz)");
    }
    if (!allow.equals(method) && !(method.equals("HEAD") && allow.equals("GET"))) {
      throw new HttpProblem(405, method + " is not allowed on " + path + "; use " + allow);
    }
    switch (path) {
      case "/" -> send(exchange, 200, "text/html; charset=utf-8", page.html());
      case "/healthz" -> sendJson(exchange, 200, api.health());
      case "/api/flows" -> sendJson(exchange, 200, api.flows());
      case "/api/skeleton" ->
          sendJson(exchange, 200, api.skeleton(query(exchange.getRequestURI().getRawQuery())));
      case "/api/check" -> {
        String type = in.getFirst("Content-Type");
        if (!isJson(type)) {
          throw new HttpProblem(415, "send the request as Content-Type: application/json");
        }
        byte[] body =
            RequestBody.read(exchange.getRequestBody(), in.getFirst("Content-Length"), maxBody);
        sendJson(exchange, 200, api.check(body));
      }
      default -> throw new HttpProblem(404, "no such page: " + path);
    }
  }

  /** The one method each path answers, or "" for no such path. */
  private static String allowed(String path) {
    return switch (path) {
      case "/", "/healthz", "/api/flows", "/api/skeleton" -> "GET";
      case "/api/check" -> "POST";
      default -> "";
    };
  }

  /** The query's parameters; one given twice is refused, as a repeated key in a body is. */
  private static Map<String, String> query(String raw) throws HttpProblem {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (out.putIfAbsent(k, v) != null) {
        throw new HttpProblem(
            400, "the query parameter \"" + k + "\" is given twice; give each parameter once");
      }
    }
    return out;
  }

  private static void sendError(HttpExchange exchange, int status, String message)
      throws IOException {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("status", status);
    error.put("error", HttpProblem.reason(status));
    error.put("message", message);
    sendJson(exchange, status, error);
  }

  private static void sendJson(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    send(
        exchange,
        status,
        "application/json; charset=utf-8",
        CanonicalJson.writeOrdered(body).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
      // GET's headers without the body (a length given for HEAD makes the JDK log a warning).
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * {@code application/json}, with parameters or none ({@code ; charset=utf-8}); not a type that
   * only starts so ({@code application/jsonx}, {@code application/json-patch+json}).
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return media.strip().toLowerCase(Locale.ROOT).equals("application/json");
  }
}
