package dev.flowlint.report;

import java.util.List;
import java.util.Optional;

/** Report formats by name: one line each. */
public final class Reporters {
  public static final List<String> NAMES = List.of("text", "json", "sarif", "github", "junit");

  private Reporters() {}

  public static Optional<Reporter> byName(String name, String version, boolean color, boolean quiet) {
    return switch (name) {
      case "text" -> Optional.of(new TextReporter(color, quiet));
      case "json" -> Optional.of(new JsonReporter(version));
      case "sarif" -> Optional.of(new SarifReporter(version));
      case "github" -> Optional.of(new GithubReporter(new TextReporter(false, quiet)));
      case "junit" -> Optional.of(new JunitReporter());
      default -> Optional.empty();
    };
  }
}
