package dev.flowlint.report;

import dev.flowlint.io.SafeText;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Severity;
import dev.flowlint.model.Span;
import java.io.PrintStream;

/**
 * The report a person reads, in the manner of rustc and Elm: {@code path:line:col: error[rule]
 * message}, the source line with carets under the span, and help lines. Quiet when clean: only the
 * summary line.
 */
public final class TextReporter implements Reporter {
  private static final int WIDE = 160;

  /** How much of a span on a very long line is shown. */
  private static final int LONG_SPAN = 80;

  private final boolean color;
  private final boolean quiet;

  public TextReporter(boolean color, boolean quiet) {
    this.color = color;
    this.quiet = quiet;
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    if (quiet) {
      return;
    }
    for (Diagnostic d : f.diagnostics()) {
      diagnostic(f, d, out);
    }
  }

  @Override
  public void end(Summary summary, PrintStream out) {
    if (!quiet) {
      out.println(summary.line());
    }
  }

  private void diagnostic(FileReport f, Diagnostic d, PrintStream out) {
    Span s = d.span();
    // Paths, messages and help quote keys and names from the payload: escaped, never raw.
    out.println(
        bold(SafeText.name(f.path()) + ":" + s.line() + ":" + s.column() + ":")
            + " "
            + paint(d.severity(), d.severity().word() + "[" + d.rule().id() + "]")
            + " "
            + bold(SafeText.escape(d.message())));
    // No text to show (an unreadable file, an Architect export whose findings name the action
    // instead): no snippet.
    if (s.line() <= f.lines().lineCount() && !f.lines().text().isEmpty()) {
      String source = f.lines().lineText(s.line());
      String number = String.valueOf(s.line());
      String pad = " ".repeat(number.length());
      int from = Math.max(0, s.column() - 1);
      int to =
          s.endLine() == s.line()
              ? Math.max(from + 1, s.endColumn() - 1)
              : Math.max(from + 1, source.length());
      if (source.length() > WIDE) {
        // A very long line (a request template on one line): show a window around the span. A long
        // span (a 200,000-character value) shows its start, and "..." where it goes on.
        int shownTo = Math.min(Math.max(to, from + 1), from + LONG_SPAN);
        int start = Math.max(0, from - 60);
        int end = Math.min(source.length(), shownTo < to ? shownTo : shownTo + 60);
        String prefix = start > 0 ? "..." : "";
        source = prefix + source.substring(start, end) + (end < source.length() ? "..." : "");
        from = from - start + prefix.length();
        to = Math.min(to, end) - start + prefix.length();
      }
      // After the window: one '?' per unsafe character keeps the columns, and a 16 MiB line is
      // not read once per finding.
      source = SafeText.sameWidth(source);
      out.println(blue(pad + " |"));
      out.println(blue(number + " |") + " " + untab(source));
      int carets = Math.max(1, Math.min(to, Math.max(source.length(), from + 1)) - from);
      out.println(
          blue(pad + " |") + " " + " ".repeat(from) + paint(d.severity(), "^".repeat(carets)));
    }
    for (String h : d.help()) {
      out.println("  " + cyan("help:") + " " + SafeText.escape(h));
    }
    d.fix()
        .ifPresent(
            fix ->
                out.println(
                    "  "
                        + cyan("fix:")
                        + " "
                        + SafeText.escape(fix.description())
                        + (fix.replacement().isEmpty()
                                || fix.replacement().length() > 120
                                || fix.replacement().contains("\n")
                            ? ""
                            : " (" + SafeText.escape(fix.replacement()) + ")")));
    out.println();
  }

  /** Tabs become one space so carets line up with what is printed. */
  private static String untab(String s) {
    return s.replace('\t', ' ');
  }

  private String bold(String s) {
    return color ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String blue(String s) {
    return color ? "\u001b[34m" + s + "\u001b[0m" : s;
  }

  private String cyan(String s) {
    return color ? "\u001b[36m" + s + "\u001b[0m" : s;
  }

  private String paint(Severity sev, String s) {
    if (!color) {
      return s;
    }
    String code =
        switch (sev) {
          case ERROR -> "\u001b[1;31m";
          case WARNING -> "\u001b[1;33m";
          case INFO -> "\u001b[1;36m";
        };
    return code + s + "\u001b[0m";
  }
}
