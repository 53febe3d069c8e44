package dev.flowlint.genesys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** OAuth client credentials; {@link #toString()} never shows the secret. */
public final class Credentials {
  private final String clientId;
  private final String secret;

  public Credentials(String clientId, String secret) {
    this.clientId = clientId;
    this.secret = secret;
  }

  String basicAuthorization() {
    return "Basic " + encoded();
  }

  private String encoded() {
    return Base64.getEncoder()
        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The values a message must never contain: the secret, and the id and secret as the Basic header
   * carries them (a server may echo that header back in an error message).
   */
  String[] secrets() {
    return new String[] {secret, encoded()};
  }

  @Override
  public String toString() {
    return "Credentials[clientId=" + clientId + ", secret=****]";
  }
}
