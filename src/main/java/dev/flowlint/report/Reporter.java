package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import java.io.PrintStream;
import java.util.List;

/** Renders the results of one check run in one format. */
public interface Reporter {
  void write(List<FileReport> files, PrintStream out);
}
