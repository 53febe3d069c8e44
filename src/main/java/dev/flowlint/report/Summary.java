package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import java.util.List;

/** Counts over a run. */
public record Summary(int files, long errors, long warnings, long infos) {
  public static Summary of(List<FileReport> reports) {
    Tally t = new Tally();
    reports.forEach(t::add);
    return t.summary();
  }

  /** Counts a run file by file, so the files need not be kept. */
  public static final class Tally {
    private int files;
    private long errors;
    private long warnings;
    private long infos;

    public void add(FileReport r) {
      files++;
      for (var d : r.diagnostics()) {
        switch (d.severity()) {
          case ERROR -> errors++;
          case WARNING -> warnings++;
          case INFO -> infos++;
        }
      }
    }

    public Summary summary() {
      return new Summary(files, errors, warnings, infos);
    }
  }

  public String line() {
    String files = "checked " + this.files + (this.files == 1 ? " file" : " files");
    if (this.files == 0) {
      return files; // nothing was looked at: not "no problems"
    }
    if (errors + warnings + infos == 0) {
      return files + ": no problems";
    }
    return files
        + ": "
        + plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + ", "
        + plural(infos, "info");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
