package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flowlint serve as a user starts it: the URL it prints, its warnings, its usage errors, and
 * stopping.
 */
class ServeCommandTest {
  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
  }

  /** Runs serve in a thread until it prints its URL; stopping it is the caller's. */
  private static final class Running {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;

    Running(String... args) {
      PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
      PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
      thread =
          new Thread(() -> code.set(Cli.run(new ByteArrayInputStream(new byte[0]), o, e, args)));
      thread.start();
    }

    URI awaitUrl() throws InterruptedException {
      Pattern url = Pattern.compile("(http://\\S+/)");
      for (int i = 0; i < 600 && thread.isAlive(); i++) {
        Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
        if (m.find()) {
          return URI.create(m.group(1));
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no URL printed; out: " + out + " err: " + err);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(20_000);
      assertFalse(thread.isAlive(), "serve stops when interrupted");
      return code.get();
    }
  }

  @Test
  void printsTheLoopbackUrlServesAndStopsCleanly() throws Exception {
    Running r = new Running("serve", "--port", "0", "--schemas", schemas);
    URI url = r.awaitUrl();
    assertEquals("127.0.0.1", url.getHost());
    assertTrue(
        r.out
            .toString(StandardCharsets.UTF_8)
            .contains("(12 flows from " + schemas + "; Ctrl-C stops it)"),
        r.out.toString());
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url.resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertEquals(0, r.stop());
    assertEquals(
        "", r.err.toString(StandardCharsets.UTF_8), "no warning on loopback, no stack trace");
  }

  @Test
  void warnsWhenOtherMachinesMayReachIt() throws Exception {
    Running r = new Running("serve", "--port", "0", "--host", "0.0.0.0", "--schemas", schemas);
    URI url = r.awaitUrl();
    assertEquals("127.0.0.1", url.getHost(), "the URL printed is one this machine can open");
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url.resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(
        200, health.statusCode(), "on every interface, this machine's own addresses are its name");
    assertEquals(0, r.stop());
    assertTrue(
        r.err
            .toString(StandardCharsets.UTF_8)
            .startsWith(
                "flowlint serve: warning: listening on 0.0.0.0, which other machines may reach"),
        r.err.toString());
  }

  @Test
  void usageErrorsExit2WithAMessage() throws Exception {
    CliRunner.Result port = CliRunner.run("serve", "--port", "70000", "--schemas", schemas);
    assertEquals(2, port.code());
    assertEquals("flowlint serve: --port must be 0 to 65535, not 70000\n", port.err());
    CliRunner.Result body = CliRunner.run("serve", "--max-body", "0", "--schemas", schemas);
    assertEquals(2, body.code());
    assertTrue(body.err().contains("--max-body must be at least 1 byte"), body.err());
    CliRunner.Result none =
        CliRunner.run("serve", "--port", "0", "--schemas", tmp.resolve("nowhere").toString());
    assertEquals(2, none.code());
    assertTrue(none.err().startsWith("flowlint serve: no schemas directory "), none.err());
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      CliRunner.Result busy =
          CliRunner.run("serve", "--port", "" + taken.getLocalPort(), "--schemas", schemas);
      assertEquals(2, busy.code());
      assertTrue(
          busy.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), busy.err());
      assertTrue(busy.err().contains("pick another port with --port"), busy.err());
      assertFalse(busy.err().contains("\tat "), busy.err());
    }
    CliRunner.Result host =
        CliRunner.run(
            "serve", "--port", "0", "--host", "no-such-host.invalid", "--schemas", schemas);
    assertEquals(2, host.code());
    assertTrue(host.err().contains("cannot resolve --host no-such-host.invalid"), host.err());
  }
}
