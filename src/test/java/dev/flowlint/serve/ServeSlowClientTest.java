package dev.flowlint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that open a connection and stall (slowloris) must not hold every worker for ever. Runs
 * {@code flowlint serve} in a JVM of its own: the JDK reads its request time limits once per JVM,
 * and other tests here start HTTP servers first.
 */
@Order(5) // see junit-platform.properties: the slowest classes start first
class ServeSlowClientTest {
  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
  private static final int MAX_REQ_TIME = 1;

  /**
   * The limits FlowServer sets when none is given, before the JDK server reads them. This JVM's
   * server tests run with them; the test below lowers the request limit in its own JVM.
   */
  @Test
  void theServerBoundsRequestsUnlessToldOtherwise() throws Exception {
    Class.forName(FlowServer.class.getName(), true, FlowServer.class.getClassLoader());
    assertEquals("10", System.getProperty("sun.net.httpserver.maxReqTime"));
    assertEquals("60", System.getProperty("sun.net.httpserver.maxRspTime"));
  }

  @Test
  void stalledClientsDoNotStopTheServerAnswering(@TempDir Path dir) throws Exception {
    Path schemas = TestServer.importFixtures(dir.resolve("schemas"));
    List<String> cmd =
        dev.flowlint.LauncherJvm.command(
            // The request time limit, lowered from FlowServer's 10 s to the JDK's least (it is in
            // seconds) so the stalled connections are closed sooner; FlowServer keeps a limit given
            // this way, and theServerBoundsRequestsUnlessToldOtherwise checks the default it sets.
            "-Dsun.net.httpserver.maxReqTime=" + MAX_REQ_TIME,
            // The JDK looks for requests over the limit once a second by default: every 100 ms,
            // they are closed right at the limit instead of up to a second after it.
            "-Dsun.net.httpserver.timerMillis=100");
    cmd.addAll(
        List.of("dev.flowlint.cli.Main", "serve", "--port", "0", "--schemas", schemas.toString()));
    Process server =
        new ProcessBuilder(cmd).redirectError(dir.resolve("serve.err").toFile()).start();
    List<Socket> stalled = new ArrayList<>();
    try {
      URI url = url(server.getInputStream());
      // More stalled requests than the server has workers: a body that never comes, and headers
      // that never end.
      for (int i = 0; i < 6; i++) {
        Socket s = new Socket("127.0.0.1", url.getPort());
        stalled.add(s);
        String head =
            i % 2 == 0
                ? "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:"
                    + url.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                : "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + url.getPort() + "\r\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
      }
      // Time for the server to take them up (well under the limit, so they still hold the workers
      // when the request below comes).
      Thread.sleep(300);
      // The stalled connections are closed once over the server's request time limit; a request
      // queued behind them may be dropped with them, and a browser then asks again: so do we.
      String answer = "";
      for (int attempt = 0; attempt < 3 && !answer.startsWith("HTTP/1.1 200"); attempt++) {
        answer = healthz(url.getPort());
      }
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      // And the stalled ones were held to the limit: the server has closed every one of them (a
      // read ends, rather than waiting), so the answer above did not merely slip past them.
      for (Socket s : stalled) {
        s.setSoTimeout((MAX_REQ_TIME + 5) * 1000);
        assertTrue(closedByServer(s), "a stalled connection was still open");
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
      server.destroy();
      server.waitFor();
    }
    String err = Files.readString(dir.resolve("serve.err"));
    assertTrue(!err.contains("Exception"), err);
  }

  /**
   * Whether the server closed this connection: reading it ends (or is reset) before the timeout.
   */
  private static boolean closedByServer(Socket s) {
    try {
      InputStream in = s.getInputStream();
      while (in.read() >= 0) {
        // a late error page or the like: read to the end
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  /** GET /healthz on a connection of its own: the answer, or why there was none. */
  private static String healthz(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(40_000); // far above the server's bound; without one it never answers
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return "no answer: " + e.getMessage();
    } catch (IOException e) {
      return "connection dropped: " + e.getMessage();
    }
  }

  private static URI url(InputStream out) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      Matcher m = URL.matcher(line);
      if (m.find()) {
        return URI.create(m.group(1));
      }
    }
    throw new AssertionError("flowlint serve printed no URL");
  }
}
