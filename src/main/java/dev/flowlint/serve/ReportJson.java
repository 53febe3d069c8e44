package dev.flowlint.serve;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.FileReport;
import dev.flowlint.report.JsonReporter;
import dev.flowlint.report.Reporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as {@code flowlint check --format json} writes it, as a tree the API can extend. The
 * only place serve touches the reporter, so the page and the command line cannot disagree.
 */
final class ReportJson {
  private final String version;

  ReportJson(String version) {
    this.version = version;
  }

  ObjectNode of(FileReport report) {
    // A reporter per request: a streaming reporter keeps its writer between begin and end, so one
    // instance cannot serve the server's threads at once.
    Reporter reporter = new JsonReporter(version);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, false, StandardCharsets.UTF_8)) {
      reporter.write(List.of(report), out);
    }
    return (ObjectNode) CanonicalJson.mapper().readTree(buffer.toString(StandardCharsets.UTF_8));
  }
}
