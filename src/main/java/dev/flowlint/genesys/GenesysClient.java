package dev.flowlint.genesys;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few Genesys Cloud calls flowlint makes: a client-credentials token, the flow division views
 * with schemas (paged), and a flow version. Tokens are renewed when they expire or a 401 says so.
 * No secret or token ever reaches a message or the log.
 */
public final class GenesysClient {
  private static final JsonMapper JSON = dev.flowlint.io.CanonicalJson.mapper();
  private static final int MAX_PAGES = 1000;

  /**
   * All answers of one pull together: a page may be 8 MiB and there may be 1,000 of them, which no
   * heap holds as trees; past this the pull stops with a message, not an out-of-memory trace.
   */
  static final long MAX_TOTAL = 256L * 1024 * 1024;

  private final java.util.concurrent.atomic.AtomicLong received =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile long maxTotal = MAX_TOTAL;

  private final String loginBase;
  private final String apiBase;
  private final Credentials credentials;
  private final HttpTransport http;
  private final Clock clock;
  private final Consumer<String> log;
  private volatile String token;
  private volatile Instant expires = Instant.EPOCH;

  public GenesysClient(
      String loginBase,
      String apiBase,
      Credentials credentials,
      RetryPolicy retry,
      Duration connectTimeout,
      Duration readTimeout,
      Clock clock,
      Consumer<String> log) {
    this.loginBase = strip(loginBase);
    this.apiBase = strip(apiBase);
    this.credentials = credentials;
    this.clock = clock;
    this.log = line -> log.accept(redact(line));
    this.http = new HttpTransport(retry, connectTimeout, readTimeout, this.log);
  }

  /** A smaller total for tests: {@link #MAX_TOTAL} is too large to reach in one. */
  GenesysClient limitTotal(long bytes) {
    maxTotal = bytes;
    return this;
  }

  private static String strip(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Every flow division view with its schemas, following the paging the server answers with. */
  public List<JsonNode> divisionViews(List<String> types) throws GenesysException {
    try {
      return listDivisionViews(types);
    } catch (GenesysException e) {
      throw redacted(e);
    }
  }

  /**
   * A message is made of the server's text too (a paging link, a path): whatever of it holds the
   * secret or the token is redacted on the way out.
   */
  private GenesysException redacted(GenesysException e) {
    String m = String.valueOf(e.getMessage());
    String r = redact(m);
    return r.equals(m) ? e : new GenesysException(r);
  }

  private List<JsonNode> listDivisionViews(List<String> types) throws GenesysException {
    StringBuilder query = new StringBuilder("includeSchemas=true&pageSize=100");
    for (String t : types) {
      query.append("&type=").append(URLEncoder.encode(t, StandardCharsets.UTF_8));
    }
    List<JsonNode> out = new ArrayList<>();
    String next = "/api/v2/flows/divisionviews?" + query + "&pageNumber=1";
    java.util.Set<String> read = new java.util.HashSet<>();
    for (int page = 1; next != null; page++) {
      if (!read.add(next)) {
        // Going round would end only at MAX_PAGES, a thousand requests against the rate limit.
        throw new GenesysException(
            "GET /api/v2/flows/divisionviews: the server's paging leads back to a page already read"
                + " (page "
                + page
                + "); stopping");
      }
      if (page > MAX_PAGES) {
        throw new GenesysException(
            "GET /api/v2/flows/divisionviews: more than " + MAX_PAGES + " pages; stopping");
      }
      JsonNode body = get(next, "listing flows (page " + page + ")", "architect:flow:search");
      JsonNode entities = body.path("entities");
      if (!entities.isArray()) {
        throw new GenesysException("the answer to GET " + next + " has no \"entities\" list");
      }
      entities.forEach(out::add);
      String nextUri = body.path("nextUri").asString("");
      int pageNumber = body.path("pageNumber").asInt(page);
      int pageCount = body.path("pageCount").asInt(0);
      if (!nextUri.isEmpty()) {
        next = nextUri;
      } else if (pageNumber < pageCount && entities.size() > 0) {
        next = "/api/v2/flows/divisionviews?" + query + "&pageNumber=" + (pageNumber + 1);
      } else {
        next = null;
      }
    }
    return out;
  }

  public JsonNode flowVersion(String flowId, String version) throws GenesysException {
    try {
      return get(
          "/api/v2/flows/" + enc(flowId) + "/versions/" + enc(version),
          "reading flow " + flowId + " version " + version,
          "architect:flow:view");
    } catch (GenesysException e) {
      throw redacted(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode get(String pathAndQuery, String what, String permission)
      throws GenesysException {
    URI uri;
    try {
      uri = URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : apiBase + pathAndQuery);
    } catch (IllegalArgumentException e) {
      throw new GenesysException(
          what + ": the server gave a link that is not a valid URL; not followed");
    }
    // The bearer token goes only to the API's own origin: a paging link elsewhere is refused.
    URI api = URI.create(apiBase);
    if (!sameOrigin(uri, api)) {
      throw new GenesysException(
          what
              + ": the server's link points at "
              + (uri.getHost() == null ? "another origin" : "host " + uri.getHost())
              + ", not at "
              + api.getHost()
              + "; not followed, so the token is not sent there");
    }
    for (int renewed = 0; ; renewed++) {
      String bearer = "Bearer " + token();
      HttpTransport.Response r =
          http.send(
              () ->
                  HttpRequest.newBuilder(uri)
                      .GET()
                      .header("Authorization", bearer)
                      .header("Accept", "application/json"),
              what);
      if (r.status() == 401 && renewed == 0) {
        log.accept("token rejected (401); getting a new one");
        synchronized (this) {
          token = null;
        }
        continue;
      }
      if (r.status() == 200) {
        if (received.addAndGet(r.body().length()) > maxTotal) {
          throw new GenesysException(
              "the answers from Genesys Cloud add up to more than "
                  + maxTotal / (1024 * 1024)
                  + " MiB; stopping before memory runs out (pull fewer flows at once with --type)");
        }
        return parse(r.body(), "GET " + HttpTransport.pathOf(uri));
      }
      throw new GenesysException(redact(describe(r, what, permission)));
    }
  }

  private String describe(HttpTransport.Response r, String what, String permission) {
    return switch (r.status()) {
      case 401 ->
          what + ": the token was refused twice (401); check the OAuth client's grant and role";
      case 403 ->
          what
              + ": permission denied (403); the OAuth client's role needs the permission "
              + permission;
      case 404 -> what + ": not found (404)";
      default -> what + ": Genesys Cloud answered " + r.status() + genesysMessage(r.body());
    };
  }

  private String genesysMessage(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      // Redacted before it is cut: a secret the cut splits would no longer be found whole.
      String m = redact(n.path("message").asString(""));
      return m.isEmpty() ? "" : " (" + (m.length() > 200 ? m.substring(0, 200) + "..." : m) + ")";
    } catch (JacksonException | IllegalArgumentException e) {
      return "";
    }
  }

  private synchronized String token() throws GenesysException {
    if (token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    URI uri = URI.create(loginBase + "/oauth/token");
    HttpTransport.Response r =
        http.send(
            () ->
                HttpRequest.newBuilder(uri)
                    .header("Authorization", credentials.basicAuthorization())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
            "getting a token");
    if (r.status() == 400 || r.status() == 401) {
      throw new GenesysException(
          "bad credentials: "
              + uri.getHost()
              + " did not accept the OAuth client id and secret ("
              + r.status()
              + "); check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and the region");
    }
    if (r.status() != 200) {
      throw new GenesysException("getting a token: " + uri.getHost() + " answered " + r.status());
    }
    JsonNode body = parse(r.body(), "POST /oauth/token");
    String access = body.path("access_token").asString("");
    if (access.isEmpty()) {
      throw new GenesysException("the token answer from " + uri.getHost() + " has no access_token");
    }
    if (!access.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // The header builder would refuse it with a message quoting the header, token included.
      throw new GenesysException(
          "the token answer from "
              + uri.getHost()
              + " has an access_token that cannot be sent in an HTTP header (a space, a control or"
              + " a non-ASCII character)");
    }
    long seconds = body.path("expires_in").asLong(3600);
    token = access;
    // Renew a minute early, so a token does not expire between check and use.
    expires = clock.instant().plusSeconds(Math.max(0, seconds - 60));
    return token;
  }

  private JsonNode parse(String body, String what) throws GenesysException {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        throw new GenesysException("the answer to " + what + " is not a JSON object");
      }
      return n;
    } catch (JacksonException e) {
      var loc = e.getLocation();
      throw new GenesysException(
          "the answer to "
              + what
              + " is not the expected JSON"
              + (loc != null && loc.getLineNr() > 0
                  ? " (broken at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"
                  : ""));
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b)
        && a.getRawUserInfo() == null;
  }

  private static int port(URI u) {
    return u.getPort() > 0 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
  }

  /**
   * Why a login or API base URL must not be used, if it must not: the client secret and the token
   * travel in headers, so anything but https is refused, except plain http to this machine's
   * loopback address (tests, local proxies).
   */
  public static Optional<String> unsafeBase(String url, String option) {
    URI u;
    try {
      u = new URI(url);
    } catch (java.net.URISyntaxException e) {
      return Optional.of(option + " " + Quote.of(url) + " is not a valid URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of(option + " " + Quote.of(url) + " must be an https:// URL with a host");
    }
    if (u.getRawUserInfo() != null) {
      return Optional.of(option + " " + Quote.of(url) + " may not carry a user name or password");
    }
    String host = u.getHost().toLowerCase(java.util.Locale.ROOT);
    boolean loopback =
        host.equals("127.0.0.1")
            || host.equals("localhost")
            || host.equals("[::1]")
            || host.equals("::1");
    if (scheme.equals("http") && !loopback) {
      return Optional.of(
          option
              + " "
              + Quote.of(url)
              + " is plain http: the client secret and the token would cross the network"
              + " unencrypted; use https (plain http is allowed only to 127.0.0.1, localhost or [::1])");
    }
    return Optional.empty();
  }

  /** Quotes a URL for a message. */
  private static final class Quote {
    static String of(String s) {
      return "\"" + s + "\"";
    }
  }

  /** Removes the secret and the current token from any text. */
  String redact(String text) {
    String out = text;
    for (String s : credentials.secrets()) {
      if (s != null && !s.isEmpty()) {
        out = out.replace(s, "****");
      }
    }
    String t = token;
    if (t != null && !t.isEmpty()) {
      out = out.replace(t, "****");
    }
    return out;
  }
}
