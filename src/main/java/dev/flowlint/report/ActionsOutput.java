package dev.flowlint.report;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * What a run prints where the GitHub Actions runner reads it for workflow commands, made inert: the
 * runner reads every line of a step's standard output and standard error, a line that starts with
 * "::" and one that holds "##[" anywhere (its older syntax). Outside Actions, with no GitHub report
 * on a stream, everything is printed as it is.
 */
public final class ActionsOutput {
  private static final int BUFFER = 1 << 16;
  private final boolean underActions;
  private final boolean runnerReads;

  /**
   * @param underActions whether the run is a step of a GitHub Actions job, whose runner reads the
   *     text report and documents on its streams too
   * @param githubOnStream whether a GitHub report goes to a stream (its runner reads the notes
   *     beside it)
   */
  public ActionsOutput(boolean underActions, boolean githubOnStream) {
    this.underActions = underActions;
    this.runnerReads = underActions || githubOnStream;
  }

  /** For a run with {@code env} whose reports on streams are of {@code formatsOnStreams}. */
  public static ActionsOutput of(
      Map<String, String> env, Collection<OutputFormat> formatsOnStreams) {
    return new ActionsOutput(
        "true".equals(env.get("GITHUB_ACTIONS")), formatsOnStreams.contains(OutputFormat.GITHUB));
  }

  /**
   * Whether the runner reads this run's output for commands (a GitHub report on a stream, or any
   * run under Actions): then every line beside the reports that quotes file names or payload text
   * is printed inert.
   */
  public boolean runnerReads() {
    return runnerReads;
  }

  /** A note beside the report (one line, or a --diff): inert when the runner reads it. */
  public String note(String text) {
    return runnerReads ? GithubReporter.inert(text) : text;
  }

  /** {@code stream} with each line printed through {@link #note}. */
  public PrintStream notes(PrintStream stream) {
    return runnerReads ? inertLines(stream) : stream;
  }

  /**
   * Where a report of {@code format} goes when the runner may read it (a stream of the step, or a
   * report file that is one): under Actions the text report line by line inert, a JSON or XML
   * document with "##[" in its own escaping. The GitHub report is its own: its annotations must
   * reach the runner.
   */
  public PrintStream report(OutputFormat format, PrintStream stream) {
    if (!underActions || format == OutputFormat.GITHUB) {
      return stream;
    }
    // A document is written in large pieces: the escaper cuts its bytes at each '#' and '[' (a
    // SARIF log has a '[' every few lines), and each piece written to a PrintStream that flushes
    // (System.out) is a write to the file or pipe. The reporters flush after each file and at the
    // end.
    return switch (format) {
      case TEXT -> inertLines(stream);
      case JUNIT ->
          over(LegacyCommandEscaper.xml(new BufferedOutputStream(stream, BUFFER)), stream);
      default -> over(LegacyCommandEscaper.json(new BufferedOutputStream(stream, BUFFER)), stream);
    };
  }

  /**
   * A PrintStream writing to {@code escaped}, which writes to {@code stream}: its checkError tells
   * an error of {@code stream} too (a PrintStream sees only the errors of a PrintStream below it,
   * and the escaper is none), so a report cut short there is not taken for a whole one.
   */
  private static PrintStream over(java.io.OutputStream escaped, PrintStream stream) {
    return new PrintStream(escaped, false, StandardCharsets.UTF_8) {
      @Override
      public boolean checkError() {
        boolean mine = super.checkError(); // flushes into stream first
        return stream.checkError() || mine;
      }
    };
  }

  /** {@code stream} with each line (the text report prints whole lines) printed inert. */
  private static PrintStream inertLines(PrintStream stream) {
    // println(String) of a subclass prints through print(String).
    return new PrintStream(stream, true, StandardCharsets.UTF_8) {
      @Override
      public void print(String text) {
        super.print(GithubReporter.inert(text));
      }
    };
  }
}
