package dev.flowlint.genesys;

/**
 * A failure talking to Genesys Cloud, in plain words. Messages are built by flowlint from status
 * codes and known fields only, never from request headers or bodies, so no secret can leak.
 */
public final class GenesysException extends Exception {
  public GenesysException(String message) {
    super(message, null, false, false);
  }
}
