package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports written into the directory being checked: this run's own outputs are not checked (they
 * are about to be replaced), and reports left by earlier runs are skipped as not payloads.
 */
class ReportInCheckedDirectoryTest {
  private static final String MISNAMED =
      "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\","
          + " \"inputData\": {\"flow.customer_id\": \"C-1\"}}\n";
  @TempDir Path tmp;
  private Path dir;

  @BeforeEach
  void payload() throws IOException {
    dir = tmp.resolve("payloads");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("p.json"), MISNAMED);
  }

  private Result checkWritingReports() {
    return CliRunner.run(
        "check",
        dir.toString(),
        "--schemas",
        "schemas",
        "-f",
        "json=" + dir.resolve("report.json"),
        "-f",
        "sarif=" + dir.resolve("flowlint.sarif.json"),
        "-f",
        "gitlab=" + dir.resolve("gl-code-quality.json"),
        "-f",
        "text");
  }

  @Test
  void reportsWrittenIntoTheCheckedDirectoryDoNotBreakTheNextRun() throws IOException {
    Result first = checkWritingReports();
    assertEquals(1, first.code(), first.err());
    String json = Files.readString(dir.resolve("report.json"));
    String sarif = Files.readString(dir.resolve("flowlint.sarif.json"));
    Result second = checkWritingReports();
    assertEquals(1, second.code(), second.err());
    assertEquals("", second.err());
    assertTrue(
        second.out().endsWith("checked 1 file: 1 error, 0 warnings, 0 infos\n"), second.out());
    assertEquals(json, Files.readString(dir.resolve("report.json")));
    assertEquals(sarif, Files.readString(dir.resolve("flowlint.sarif.json")));
  }

  @Test
  void reportsLeftByEarlierRunsAreSkippedWithAReason() throws IOException {
    assertEquals(1, checkWritingReports().code());
    Result r = CliRunner.run("check", dir.toString(), "--schemas", "schemas", "-v");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().endsWith("checked 1 file: 1 error, 0 warnings, 0 infos\n"), r.out());
    assertFalse(r.out().contains("flowlint.sarif.json"), r.out());
    assertTrue(
        r.err()
            .contains(
                "skipped " + dir.resolve("flowlint.sarif.json") + ": a SARIF log, not a payload"),
        r.err());
    assertTrue(
        r.err().contains("skipped " + dir.resolve("report.json") + ": flowlint's own JSON report"),
        r.err());
    Result quiet = CliRunner.run("check", dir.toString(), "--schemas", "schemas");
    assertFalse(quiet.err().contains("flowlint.sarif.json"), "said only with --verbose");
  }

  @Test
  void aReportNamedAsAPathToCheckIsStillRefused() throws IOException {
    assertEquals(1, checkWritingReports().code());
    Path report = dir.resolve("report.json");
    String before = Files.readString(report);
    Result r =
        CliRunner.run(
            "check",
            dir.toString(),
            report.toString(),
            "--schemas",
            "schemas",
            "-o",
            report.toString(),
            "-f",
            "json");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--output " + report + " is the payload"), r.err());
    assertEquals(before, Files.readString(report));
  }

  /**
   * A file that --flow, --envelope or a flowlint.yaml mapping makes a payload is one, whatever it
   * holds: a report named as it is refused, and the file kept (it was overwritten, exit 0).
   */
  @Test
  void aFileTheRunWouldCheckAsAPayloadIsNeverOverwritten() throws IOException {
    Path order = dir.resolve("order.json");
    String bare = "{\"customer_id\": \"C1\"}\n";
    Files.writeString(order, bare);
    Result flow =
        CliRunner.run(
            "check",
            dir.toString(),
            "--schemas",
            "schemas",
            "--flow",
            "Order Lookup",
            "-f",
            "json=" + order);
    assertEquals(2, flow.code(), flow.out() + flow.err());
    assertTrue(flow.err().contains("json=" + order + " is the payload"), flow.err());
    assertEquals(bare, Files.readString(order));

    Path cfg = tmp.resolve("flowlint.yaml");
    Files.writeString(
        cfg, "payloads:\n  - files: \"" + dir + "/*.json\"\n    flow: Order Lookup\n");
    Result mapped =
        CliRunner.run(
            "check",
            dir.toString(),
            "--schemas",
            "schemas",
            "--config",
            cfg.toString(),
            "-f",
            "json=" + order);
    assertEquals(2, mapped.code(), mapped.out() + mapped.err());
    assertEquals(bare, Files.readString(order));
  }

  /** A file that cannot be read is not a report of ours either: it is kept. */
  @Test
  void anUnreadableFileIsNeverOverwritten() throws IOException {
    Path odd = dir.resolve("odd.json");
    byte[] latin1 = {'{', '"', 'a', '"', ':', ' ', '"', (byte) 0xE9, '"', '}'};
    Files.write(odd, latin1);
    Result r = CliRunner.run("check", dir.toString(), "--schemas", "schemas", "-o", odd.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(
        java.util.Arrays.toString(latin1), java.util.Arrays.toString(Files.readAllBytes(odd)));
  }

  /** The run's own reports stay replaceable where --flow covers the directory (review finding). */
  @Test
  void withAFlowForTheDirectoryTheNextRunStillReplacesItsReports() throws IOException {
    Files.writeString(dir.resolve("p.json"), "{\"Flow.customer_id\": \"C-1\"}\n");
    for (int run = 1; run <= 2; run++) {
      Result r =
          CliRunner.run(
              "check",
              dir.toString(),
              "--schemas",
              "schemas",
              "--flow",
              "Order Lookup",
              "-f",
              "json=" + dir.resolve("report.json"),
              "-f",
              "sarif=" + dir.resolve("flowlint.sarif.json"),
              "-f",
              "gitlab=" + dir.resolve("gl-code-quality.json"),
              "-f",
              "text");
      assertEquals(0, r.code(), "run " + run + ": " + r.out() + r.err());
      assertTrue(r.out().contains("checked 1 file"), "run " + run + ": " + r.out());
    }
  }
}
