package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import dev.flowlint.model.Severity;
import java.util.List;

/** Counts over a run. */
public record Summary(int files, long errors, long warnings, long infos) {
  public static Summary of(List<FileReport> reports) {
    return new Summary(reports.size(),
        reports.stream().mapToLong(r -> r.count(Severity.ERROR)).sum(),
        reports.stream().mapToLong(r -> r.count(Severity.WARNING)).sum(),
        reports.stream().mapToLong(r -> r.count(Severity.INFO)).sum());
  }

  public String line() {
    String files = "checked " + this.files + (this.files == 1 ? " file" : " files");
    if (errors + warnings + infos == 0) {
      return files + ": no problems";
    }
    return files + ": " + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
