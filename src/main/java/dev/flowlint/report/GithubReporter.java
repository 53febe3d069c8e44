package dev.flowlint.report;

import dev.flowlint.io.SafeText;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...::message}), then the text report:
 * GitHub shows only 10 annotations of each kind per step, so the full list must be in the log too.
 */
public final class GithubReporter implements Reporter {
  private final TextReporter text;
  private final RepoPaths paths;

  public GithubReporter(TextReporter text, RepoPaths paths) {
    this.text = text;
    this.paths = paths;
  }

  @Override
  public void write(List<FileReport> files, PrintStream out) {
    for (FileReport f : files) {
      for (Diagnostic d : f.diagnostics()) {
        out.println(command(f, d));
      }
    }
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    text.write(files, new PrintStream(report, true, StandardCharsets.UTF_8));
    String body = report.toString(StandardCharsets.UTF_8);
    // The text report starts lines with file paths; a path such as "::error::x.json" would be read
    // as a command. Commands are off while it prints, under a token the text cannot contain.
    String token = "flowlint-" + token(body);
    out.println("::stop-commands::" + token);
    out.print(body);
    out.println("::" + token + "::");
  }

  /** One annotation: the file relative to the repository, a range GitHub accepts, the message. */
  String command(FileReport f, Diagnostic d) {
    String kind = switch (d.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
    StringBuilder line = new StringBuilder("::").append(kind).append(" file=").append(property(SafeText.escape(paths.forCi(f.path()))));
    if (d.rule() != Rule.UNREADABLE_FILE) {
      line.append(",line=").append(d.span().line()).append(",endLine=").append(d.span().endLine());
      // GitHub ignores (or misplaces) columns on an annotation that spans several lines.
      if (d.span().line() == d.span().endLine()) {
        line.append(",col=").append(d.span().column()).append(",endColumn=").append(d.span().endColumn());
      }
    }
    // Control characters from the payload are shown escaped; line breaks stay line breaks.
    String message = String.join("\n", d.message().lines().map(SafeText::escape).toList());
    line.append(",title=").append(property(d.rule().id())).append("::").append(data(message));
    return line.toString();
  }

  private static String token(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
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
