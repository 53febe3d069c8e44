package dev.flowlint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.config.Config;
import dev.flowlint.io.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server on an ephemeral loopback port over schemas imported from the fixtures, and a client for
 * it.
 */
final class TestServer implements AutoCloseable {
  final FlowServer server;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private TestServer(FlowServer server) {
    this.server = server;
  }

  /** Imports the fixture flows and data actions into {@code schemas} and serves them. */
  static Path importFixtures(Path schemas) {
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
    return schemas;
  }

  static TestServer start(Path schemas, long maxBody) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    FlowServer s =
        FlowServer.start(
            new ServeSettings(
                "127.0.0.1",
                0,
                maxBody,
                schemas,
                schemas.toString(),
                Config.EMPTY,
                dev.flowlint.cli.Cli.version()),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    return new TestServer(s);
  }

  URI uri(String path) {
    return server.url().resolve(path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST /api/check with these fields (nulls left out). */
  HttpResponse<String> check(String payload, String flow, String envelope, boolean fix)
      throws IOException, InterruptedException {
    return post("/api/check", checkBody(payload, flow, envelope, fix));
  }

  static String checkBody(String payload, String flow, String envelope, boolean fix) {
    ObjectNode body = CanonicalJson.mapper().createObjectNode();
    body.put("payload", payload);
    if (flow != null) {
      body.put("flow", flow);
    }
    if (envelope != null) {
      body.put("envelope", envelope);
    }
    body.put("fix", fix);
    return body.toString();
  }

  static JsonNode json(HttpResponse<String> r) {
    return CanonicalJson.mapper().readTree(r.body());
  }

  /**
   * A request written by hand, for headers HttpClient will not send as given (Host). Returns the
   * status line and headers.
   */
  String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
