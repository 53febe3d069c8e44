package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import java.io.PrintStream;
import java.util.List;

/**
 * Renders the results of one check run in one format, streaming: {@link #begin} once, {@link #file}
 * for each report in input order as soon as it is known, then {@link #end} with the counts of the
 * whole run. A reporter keeps nothing of a file once {@code file} returns, so memory does not grow
 * with the number of files. An instance serves one run at a time (a document's writer lives between
 * begin and end).
 */
public interface Reporter {
  /** Before the first file: a document's opening. */
  default void begin(PrintStream out) {}

  /** One file's findings. */
  void file(FileReport file, PrintStream out);

  /** After the last file: the counts over every file, and a document's closing. */
  void end(Summary summary, PrintStream out);

  /**
   * True when the output is one document (JSON, SARIF, XML) that other lines must not break into:
   * notes such as "fixed FILE" then go to standard error.
   */
  default boolean isDocument() {
    return false;
  }

  /** A whole run at once: begin, every file, end. */
  default void write(List<FileReport> files, PrintStream out) {
    begin(out);
    for (FileReport f : files) {
      file(f, out);
    }
    end(Summary.of(files), out);
  }
}
