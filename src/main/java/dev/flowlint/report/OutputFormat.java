package dev.flowlint.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report formats by name, each with its factory (in the manner of Checkstyle's OutputFormat).
 */
public enum OutputFormat {
  TEXT(c -> new TextReporter(c.color(), c.quiet())),
  JSON(c -> new JsonReporter(c.version())),
  SARIF(c -> new SarifReporter(c.version(), c.paths())),
  GITHUB(c -> new GithubReporter(new TextReporter(false, c.quiet()), c.paths())),
  JUNIT(c -> new JunitReporter(c.failOn())),
  GITLAB(c -> new GitlabReporter(c.paths()));

  private final Function<ReportContext, Reporter> factory;

  OutputFormat(Function<ReportContext, Reporter> factory) {
    this.factory = factory;
  }

  /** The name on the command line: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Reporter create(ReportContext context) {
    return factory.apply(context);
  }

  /** Whether the format gives paths relative to the repository root (so the root must be found). */
  public boolean needsRoot() {
    return this == SARIF || this == GITHUB || this == GITLAB;
  }

  public static Optional<OutputFormat> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.id().equals(name)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(OutputFormat::id).toList();
  }
}
