package dev.flowlint.report;

import java.util.List;
import java.util.Optional;

/** Report formats by name; {@link OutputFormat} holds the one line per format. */
public final class Reporters {
  public static final List<String> NAMES = OutputFormat.names();

  private Reporters() {}

  public static Optional<Reporter> byName(
      String name, String version, boolean color, boolean quiet) {
    return OutputFormat.byName(name).map(f -> f.create(ReportContext.here(version, color, quiet)));
  }
}
