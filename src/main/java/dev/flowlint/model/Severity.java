package dev.flowlint.model;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters; the order is from most to least. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String word) {
    for (Severity s : values()) {
      if (s.word().equals(word.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** True when this is as bad as, or worse than, {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
