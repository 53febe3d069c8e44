package dev.flowlint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Host and Origin headers are this server's, for each kind of bind. */
class HostGuardTest {
  private static void allowed(HostGuard g, String host) {
    try {
      g.checkHost(host);
    } catch (HttpProblem p) {
      throw new AssertionError(host + " was refused: " + p.getMessage());
    }
  }

  private static void refused(HostGuard g, String host) {
    HttpProblem p = assertThrows(HttpProblem.class, () -> g.checkHost(host), host);
    assertEquals(421, p.status());
  }

  @Test
  void aLoopbackNameAcceptsEveryLoopbackSpellingOnItsPortOnly() throws Exception {
    HostGuard g = HostGuard.of("localhost", InetAddress.getByName("127.0.0.1"), 8080);
    allowed(g, "localhost:8080");
    allowed(g, "127.0.0.1:8080");
    allowed(g, "[::1]:8080");
    allowed(g, "[0:0:0:0:0:0:0:1]:8080");
    refused(g, "localhost:8081");
    refused(g, "localhost");
    refused(g, "rebind.evil.example:8080");
    refused(g, "[::1:8080");
    refused(g, "localhost:80800");
    refused(g, null);
  }

  @Test
  void aSpecificAddressAcceptsOnlyItselfAndPort80MayBeLeftOut() throws Exception {
    HostGuard g = HostGuard.of("192.0.2.7", InetAddress.getByName("192.0.2.7"), 80);
    allowed(g, "192.0.2.7");
    allowed(g, "192.0.2.7:80");
    refused(g, "localhost:80");
    refused(g, "127.0.0.1:80");
    refused(g, "192.0.2.8:80");
  }

  @Test
  void originMustBeTheHostItWasSentTo() throws Exception {
    HostGuard g = HostGuard.of("127.0.0.1", InetAddress.getByName("127.0.0.1"), 7878);
    g.checkOrigin("http://127.0.0.1:7878", null, "127.0.0.1:7878");
    g.checkOrigin(null, null, "127.0.0.1:7878");
    g.checkOrigin(null, "same-origin", "127.0.0.1:7878");
    g.checkOrigin(null, "none", "127.0.0.1:7878");
    for (String[] bad :
        new String[][] {
          {"http://evil.example", null},
          {"null", null},
          {"http://127.0.0.1:7879", null},
          {null, "cross-site"},
          {null, "same-site"}
        }) {
      HttpProblem p =
          assertThrows(HttpProblem.class, () -> g.checkOrigin(bad[0], bad[1], "127.0.0.1:7878"));
      assertEquals(403, p.status());
    }
  }

  @Test
  void literalsAreParsedAndNamesAreNeverLookedUp() {
    assertTrue(HostGuard.literal("127.0.0.1").isPresent());
    assertTrue(HostGuard.literal("[::1]").isPresent());
    assertEquals(Optional.empty(), HostGuard.literal("999.1.1.1"));
    assertEquals(Optional.empty(), HostGuard.literal("localhost"));
    assertEquals(Optional.empty(), HostGuard.literal("example.com"));
    assertEquals(Optional.empty(), HostGuard.literal("[zz::1]"));
  }
}
