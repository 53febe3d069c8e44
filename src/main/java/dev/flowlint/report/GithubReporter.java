package dev.flowlint.report;

import dev.flowlint.io.SafeText;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * GitHub Actions workflow commands ({@code ::error file=...::message}), then the text report:
 * GitHub shows only 10 annotations of each kind per step, so the full list must be in the log too.
 *
 * <p>Streaming: the annotations are printed as files come; the text report goes to a temporary file
 * meanwhile and is copied out at the end, so memory stays flat and the output is what a whole-run
 * writer would print.
 */
public final class GithubReporter implements Reporter {
  private final TextReporter text;
  private final RepoPaths paths;
  private static final SecureRandom RANDOM = new SecureRandom();
  private Path spool;
  private PrintStream body;

  public GithubReporter(TextReporter text, RepoPaths paths) {
    this.text = text;
    this.paths = paths;
  }

  @Override
  public void begin(PrintStream out) {
    try {
      spool = Files.createTempFile("flowlint-github", ".txt");
      spool.toFile().deleteOnExit(); // also when the run stops before end()
      OutputStream spoolOut = new BufferedOutputStream(Files.newOutputStream(spool));
      body = new PrintStream(spoolOut, false, StandardCharsets.UTF_8);
      text.begin(body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for the GitHub report", e);
    }
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    for (Diagnostic d : f.diagnostics()) {
      out.println(command(f, d));
    }
    text.file(f, body);
  }

  @Override
  public void end(Summary summary, PrintStream out) {
    try {
      text.end(summary, body);
      body.flush();
      if (body.checkError()) {
        throw new IOException("cannot write the temporary file " + spool);
      }
      body.close();
      // The text report starts lines with file paths; a path such as "::error::x.json" would be
      // read as a command. Commands are off while it prints, under a token the text cannot know.
      String token = token();
      out.println("::stop-commands::" + token);
      boolean copied = false;
      try {
        out.flush();
        Files.copy(spool, out);
        copied = true;
      } finally {
        // Commands come back on also when the copy fails: else the runner ignores every later
        // workflow command of the step. A copy cut short may end inside a line, so a line break
        // goes first: the token must be a line of its own.
        out.println((copied ? "" : "\n") + "::" + token + "::");
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the GitHub report", e);
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
      body = null;
      spool = null;
    }
  }

  /** One annotation: the file relative to the repository, a range GitHub accepts, the message. */
  String command(FileReport f, Diagnostic d) {
    String kind =
        switch (d.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO -> "notice";
        };
    StringBuilder line =
        new StringBuilder("::")
            .append(kind)
            .append(" file=")
            .append(property(fileName(paths.forCi(f.path()))));
    if (d.rule() != Rule.UNREADABLE_FILE) {
      line.append(",line=").append(d.span().line()).append(",endLine=").append(d.span().endLine());
      // GitHub ignores (or misplaces) columns on an annotation that spans several lines.
      if (d.span().line() == d.span().endLine()) {
        line.append(",col=")
            .append(d.span().column())
            .append(",endColumn=")
            .append(d.span().endColumn());
      }
    }
    // Control characters from the payload are shown escaped; line breaks stay line breaks.
    String message = String.join("\n", d.message().lines().map(SafeText::escape).toList());
    line.append(",title=").append(property(d.rule().id())).append("::").append(data(message));
    return line.toString();
  }

  /**
   * The file an annotation names: line breaks and tabs kept (GitHub's escapes carry line breaks, so
   * "new\nline.json" names that file, not one called "new\\nline.json"); other control characters,
   * which have no escape there and would reach a terminal raw, are shown escaped.
   */
  static String fileName(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      out.append(
          c == '\t' || c == '\n' || c == '\r'
              ? String.valueOf(c)
              : SafeText.escape(String.valueOf(c)));
    }
    return out.toString();
  }

  /**
   * Text printed beside the annotations (notes that quote file names or payload text), made inert.
   * The runner reads every line of a step's output, standard error too, as a possible workflow
   * command: one that starts with "::", and one that holds "##[" anywhere (the older syntax, which
   * it still reads: "fixed ##[set-output name=x]y.json" sets an output). Text with either is
   * wrapped in stop-commands, under a token it does not contain.
   */
  public static String inert(String text) {
    if (!text.contains("::") && !text.contains("##[")) {
      return text;
    }
    String token = token();
    while (text.contains(token)) {
      token = token(); // 96 random bits: never, but then the text could not end the stop early
    }
    boolean ended = text.endsWith("\n");
    return "::stop-commands::"
        + token
        + "\n"
        + text
        + (ended ? "" : "\n")
        + "::"
        + token
        + "::"
        + (ended ? "\n" : "");
  }

  /**
   * A stop-commands token: 96 random bits, new each time, as GitHub asks ("randomly generated and
   * unique for each run"). It was a hash of the text it guarded: the text could not hold its own
   * hash, but the token was the same in every run over the same files, and known from any log.
   */
  static String token() {
    byte[] bits = new byte[12];
    RANDOM.nextBytes(bits);
    return "flowlint-" + HexFormat.of().formatHex(bits);
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
