package dev.flowlint.serve;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two checks that keep web pages on other sites away from the server: the {@code Host} header
 * must name this server (a DNS-rebinding page sends its own name), and a POST's {@code Origin} must
 * be this server's own. Names in headers are compared as text, never resolved.
 */
final class HostGuard {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private final Set<String> names;
  private final Set<InetAddress> addresses;
  private final int port;

  private HostGuard(Set<String> names, Set<InetAddress> addresses, int port) {
    this.names = Set.copyOf(names);
    this.addresses = Set.copyOf(addresses);
    this.port = port;
  }

  /**
   * @param host the name or address the user asked to bind
   * @param bound the address that name gave
   */
  static HostGuard of(String host, InetAddress bound, int port) {
    Set<String> names = new HashSet<>();
    Set<InetAddress> addresses = new HashSet<>();
    literal(host).ifPresentOrElse(addresses::add, () -> names.add(host.toLowerCase(Locale.ROOT)));
    addresses.add(bound);
    if (bound.isLoopbackAddress()) {
      names.add("localhost");
      literal("127.0.0.1").ifPresent(addresses::add);
      literal("[::1]").ifPresent(addresses::add);
    } else if (bound.isAnyLocalAddress()) {
      // Bound to every interface: any of this machine's own addresses or names is this server.
      names.add("localhost");
      try {
        names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
      } catch (UnknownHostException e) {
        // no host name: addresses still work
      }
      try {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          addresses.addAll(Collections.list(nif.getInetAddresses()));
        }
      } catch (SocketException e) {
        // no interface list: loopback below still works
      }
      literal("127.0.0.1").ifPresent(addresses::add);
      literal("[::1]").ifPresent(addresses::add);
    }
    return new HostGuard(names, addresses, port);
  }

  /** 421 unless the Host header names this server and its port. */
  void checkHost(String hostHeader) throws HttpProblem {
    if (hostHeader == null || !allowed(hostHeader.trim())) {
      throw new HttpProblem(
          421,
          "this server answers only to its own address (Host: "
              + (hostHeader == null ? "none" : hostHeader)
              + "); open the URL flowlint serve printed");
    }
  }

  /** 403 for a request another site's page sent (a POST's Origin must be this server). */
  void checkOrigin(String origin, String fetchSite, String hostHeader) throws HttpProblem {
    if (origin != null) {
      if (!origin.equalsIgnoreCase("http://" + hostHeader.trim())) {
        throw new HttpProblem(403, "cross-origin requests are refused (Origin: " + origin + ")");
      }
      return;
    }
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      throw new HttpProblem(
          403, "cross-origin requests are refused (Sec-Fetch-Site: " + fetchSite + ")");
    }
  }

  private boolean allowed(String authority) {
    String host = authority;
    int p;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return false;
      }
      host = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      p = rest.isEmpty() ? 80 : rest.startsWith(":") ? portOf(rest.substring(1)) : -1;
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      p = colon < 0 ? 80 : portOf(authority.substring(colon + 1));
    }
    if (p != port) {
      return false;
    }
    Optional<InetAddress> address = literal(host);
    return address.isPresent()
        ? addresses.contains(address.get())
        : names.contains(host.toLowerCase(Locale.ROOT));
  }

  private static int portOf(String s) {
    try {
      return s.isEmpty() || s.length() > 5 ? -1 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * An IP literal ({@code 127.0.0.1}, {@code [::1]} or {@code ::1}) as an address; a name gives
   * empty (no lookup).
   */
  static Optional<InetAddress> literal(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean v4 =
        IPV4.matcher(h).matches()
            && java.util.Arrays.stream(h.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
    boolean v6 = h.contains(":") && h.matches("[0-9a-fA-F:.%]+");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      InetAddress a = InetAddress.getByName(h); // a literal: parsed, not looked up
      return v4 && !(a instanceof Inet4Address) ? Optional.empty() : Optional.of(a);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
