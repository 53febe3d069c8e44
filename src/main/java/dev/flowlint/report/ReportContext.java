package dev.flowlint.report;

import dev.flowlint.model.Severity;
import java.nio.file.Path;

/**
 * What a format needs besides the findings.
 *
 * @param failOn findings below it do not fail the run (JUnit shows them as passing cases)
 * @param workDir where the displayed relative paths start
 * @param root the repository root (git top level, else the working directory): CI formats give
 *     paths relative to it
 */
public record ReportContext(
    String version, boolean color, boolean quiet, Severity failOn, Path workDir, Path root) {
  /** For a run in the current directory with the default --fail-on. */
  public static ReportContext here(String version, boolean color, boolean quiet) {
    Path cwd = Path.of("").toAbsolutePath();
    return new ReportContext(version, color, quiet, Severity.ERROR, cwd, cwd);
  }

  /**
   * For a report written to a file: escape codes belong on terminals only, and -q quiets the
   * terminal, not a file the user asked for.
   */
  public ReportContext forFile() {
    return new ReportContext(version, false, false, failOn, workDir, root);
  }

  public RepoPaths paths() {
    return new RepoPaths(workDir, root);
  }
}
