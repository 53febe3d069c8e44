package dev.flowlint.genesys;

/**
 * A failure talking to Genesys Cloud, in plain words. Messages are built by flowlint from status
 * codes, paths and the server's own "message" field, never from request headers; GenesysClient
 * redacts the secret and the token from every message it throws.
 */
public final class GenesysException extends Exception {
  public GenesysException(String message) {
    super(message, null, false, false);
  }
}
