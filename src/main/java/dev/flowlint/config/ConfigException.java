package dev.flowlint.config;

/** A config file that cannot be used; the message names the file and, where known, the place. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
