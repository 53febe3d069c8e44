package dev.flowlint.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.TextLines;
import java.util.List;
import java.util.Optional;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/**
 * A finding on a long value (a 200,000-character string, a base64 blob in a Json input) shows the
 * start of the value and where it goes on, not the whole of it: the excerpt and its carets were
 * each as long as the value, 400 KB of report for one finding.
 */
class LongSpanTextTest {
  private static final String VALUE = "x".repeat(200_000);

  private static FileReport report(String text, int from, int to, String message) {
    TextLines lines = new TextLines(text);
    Diagnostic d =
        new Diagnostic(
            Rule.INPUT_CONSTRAINT,
            Severity.ERROR,
            message,
            "/inputData/Flow.note",
            lines.span(from, to),
            Optional.empty(),
            List.of());
    return new FileReport("long.json", Optional.empty(), Optional.empty(), List.of(d), lines);
  }

  private static String render(FileReport r) {
    return ReporterContractTest.render(new TextReporter(false, false), List.of(r));
  }

  @Test
  void aLongSpanIsShownCutWithItsStart() {
    String oneLine = "{\"inputData\":{\"Flow.note\":\"" + VALUE + "\",\"Flow.n\":1}}";
    int from = oneLine.indexOf('"' + VALUE);
    String shortLine = "{\"inputData\": {\"Flow.note\": \"" + "y".repeat(300) + "\"}}";
    int shortFrom = shortLine.indexOf("\"y");
    String text =
        render(report(oneLine, from, from + VALUE.length() + 2, "on one long line"))
            + render(
                report(shortLine, shortFrom, shortFrom + 302, "a 300-character value on its line"));
    for (String line : text.split("\n")) {
      assertTrue(line.length() < 300, () -> "a line of " + line.length() + " characters");
    }
    Approvals.verify(text, new Options().withReporter(new QuietReporter()));
  }
}
