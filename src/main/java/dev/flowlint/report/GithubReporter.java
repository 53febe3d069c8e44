package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Diagnostic;
import java.io.PrintStream;

/**
 * GitHub Actions workflow commands ({@code ::error file=...::message}), then the text report:
 * GitHub shows only 10 annotations of each kind per step, so the full list must be in the log too.
 */
public final class GithubReporter implements Reporter {
  private final TextReporter text;

  public GithubReporter(TextReporter text) {
    this.text = text;
  }

  /** A file's annotations, then its text report (the text reporter's summary closes the run). */
  @Override
  public void file(FileReport f, PrintStream out) {
    for (Diagnostic d : f.diagnostics()) {
      String kind = switch (d.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "notice";
      };
      StringBuilder line = new StringBuilder("::").append(kind).append(" file=").append(property(f.path()));
      if (d.rule() != Rule.UNREADABLE_FILE) {
        line.append(",line=").append(d.span().line()).append(",col=").append(d.span().column())
            .append(",endLine=").append(d.span().endLine()).append(",endColumn=").append(d.span().endColumn());
      }
      line.append(",title=").append(property(d.rule().id())).append("::").append(data(d.message()));
      out.println(line);
    }
    text.file(f, out);
  }

  @Override
  public void end(Summary summary, PrintStream out) {
    text.end(summary, out);
  }

  /** Escaping of a command's message. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a command's property values. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
