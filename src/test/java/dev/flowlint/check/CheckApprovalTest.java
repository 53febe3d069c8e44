package dev.flowlint.check;

import dev.flowlint.model.FileReport;
import dev.flowlint.report.JsonReporter;
import dev.flowlint.report.TextReporter;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person reads (text) and what tools parse (JSON), for every payload fixture. */
class CheckApprovalTest {
  @TempDir Path schemas;

  private List<FileReport> reports() throws Exception {
    SchemaStore store = FixtureSupport.importFixtures(schemas);
    return FixtureSupport.run(store)
        .run(FixtureSupport.payloads(), new ByteArrayInputStream(new byte[0]));
  }

  private static String render(dev.flowlint.report.Reporter reporter, List<FileReport> reports) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(reports, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textReportOfEveryFixture() throws Exception {
    Approvals.verify(
        render(new TextReporter(false, false), reports()),
        new Options().withReporter(new QuietReporter()));
  }

  @Test
  void jsonReportOfEveryFixture() throws Exception {
    Approvals.verify(
        render(new JsonReporter("0.1.0"), reports()),
        new Options().withReporter(new QuietReporter()).forFile().withExtension(".json"));
  }
}
