package dev.flowlint.check;

import dev.flowlint.model.Envelope;
import java.util.Optional;

/**
 * What a payload is aimed at, as far as the command line and the config say.
 *
 * @param flowFrom where {@code flow} came from, for messages ("--flow", "flowlint.yaml")
 */
public record Target(Optional<String> flow, String flowFrom, Optional<Envelope> envelope) {
  public static final Target NONE = new Target(Optional.empty(), "", Optional.empty());
}
