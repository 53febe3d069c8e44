package dev.flowlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SARIF's line hashes on a one-line payload of many megabytes with many findings: the whole line
 * was hashed again for every finding (a 15 MiB line with 101 findings took 33 s; this one took
 * minutes). Once per rule and line now. The timeout is a hang guard, far above the run's time.
 */
class SarifLongLineTest {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLongLineIsHashedOncePerRule() {
    int keys = 1500;
    StringBuilder text = new StringBuilder("{\"inputData\":{\"Flow.note\":\"");
    text.append("x".repeat(8 << 20)).append('"');
    List<int[]> at = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      text.append(",\"k").append(i).append("\":1");
      int end = text.length() - 2;
      at.add(new int[] {end - 2 - String.valueOf(i).length() - 1, end});
    }
    text.append("}}");
    TextLines lines = new TextLines(text.toString());
    List<Diagnostic> found = new ArrayList<>();
    for (int[] span : at) {
      found.add(
          new Diagnostic(
              Rule.UNKNOWN_INPUT,
              Severity.ERROR,
              "inputData has no such input",
              "/inputData/k",
              lines.span(span[0], span[1]),
              Optional.empty(),
              List.of()));
    }
    FileReport report =
        new FileReport("long.json", Optional.empty(), Optional.empty(), found, lines);
    SarifReporter sarif =
        new SarifReporter("0.1.0", new RepoPaths(Path.of("/repo"), Path.of("/repo")));
    String out = ReporterContractTest.render(sarif, List.of(report));
    // One hash for the line, counted per finding as GitHub's own upload does.
    assertEquals(keys, out.split("\"primaryLocationLineHash\"", -1).length - 1);
    assertEquals(1, out.split(":" + keys + "\"", -1).length - 1, "occurrences count up to " + keys);
  }
}
