package dev.flowlint.serve;

import dev.flowlint.config.Config;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code flowlint serve} was asked for.
 *
 * @param host the name or address to bind (loopback unless the user says otherwise)
 * @param port 0 picks a free port
 * @param maxBody the largest request body accepted, in bytes
 * @param schemasDisplay how messages name the schemas directory
 */
public record ServeSettings(
    String host,
    int port,
    long maxBody,
    Path schemas,
    String schemasDisplay,
    Config config,
    String version) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7878;
  public static final long DEFAULT_MAX_BODY = 1024 * 1024;

  public ServeSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(config, "config");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    if (maxBody < 1) {
      throw new IllegalArgumentException("maxBody " + maxBody);
    }
  }
}
