package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report file that is not a plain file: a symbolic link stays a link (its target gets the
 * report), and a named pipe or a device (/dev/stdout, /dev/null) is written into, never replaced by
 * a regular file (as root, a rename onto /dev/null replaces the machine's /dev/null).
 */
class ReportFileKindsTest {
  @TempDir Path tmp;

  private Path payload() throws Exception {
    FixtureSupport.importFixtures(tmp.resolve("schemas"));
    Path payload = tmp.resolve("bad.json");
    Files.writeString(payload, GitHookEndToEndTest.BAD);
    return payload;
  }

  /**
   * "json=/dev/stdout" is this process's standard output: with the terminal's text report (added
   * when every format has a file) or another format there, the two documents ran together and
   * neither could be read. Run in a JVM of its own, whose standard output is a file.
   */
  @Test
  void aReportFileThatIsStandardOutputIsStandardOutput() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/stdout")), "a system with /dev/stdout");
    Path payload = payload();
    for (List<String> formats :
        List.of(
            List.of("--format", "json=/dev/stdout"),
            List.of("--format", "json=/dev/stdout", "--format", "sarif"))) {
      Path out = tmp.resolve("out.txt");
      Path err = tmp.resolve("err.txt");
      List<String> cmd =
          new ArrayList<>(List.of("check", "--schemas", tmp.resolve("schemas").toString()));
      cmd.addAll(formats);
      cmd.addAll(List.of("--", payload.toString()));
      int code = dev.flowlint.LauncherJvm.run(out, err, java.util.Map.of(), cmd);
      String said = Files.readString(err);
      if (formats.size() == 2) {
        assertEquals(1, code, said);
        assertEquals(
            "flowlint",
            CanonicalJson.mapper().readTree(out.toFile()).at("/tool/name").asString(),
            "standard output holds the JSON report alone");
      } else {
        assertEquals(2, code, said);
        assertTrue(said.contains("only one report can go to standard output"), said);
        assertEquals("", Files.readString(out));
      }
    }
  }

  /**
   * "--diff" (and "--fix -") write to standard output: a report file that is standard output ran
   * into the diff (the diff, then the JSON), and neither could be read. Refused, as a second report
   * there is.
   */
  @Test
  void aReportFileThatIsStandardOutputIsRefusedBesideADiff() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/stdout")), "a system with /dev/stdout");
    Path payload = payload();
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    int code =
        dev.flowlint.LauncherJvm.run(
            out,
            err,
            java.util.Map.of(),
            List.of(
                "check",
                "--schemas",
                tmp.resolve("schemas").toString(),
                "--diff",
                "--format",
                "json=/dev/stdout",
                "--",
                payload.toString()));
    String said = Files.readString(err);
    assertEquals(2, code, said + Files.readString(out));
    assertTrue(said.contains("--diff writes to standard output"), said);
    assertEquals("", Files.readString(out));
  }

  /**
   * Two reports that land in one file through a link (the link's target gets its report): the
   * second replaced the first, and the run exited as if both were written.
   */
  @Test
  void twoReportsThroughALinkToOneFileAreRefused() throws Exception {
    Path payload = payload();
    Path target = tmp.resolve("out.json");
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), target);
    Path dir = Files.createSymbolicLink(tmp.resolve("dirlink"), tmp);
    Path dangling = Files.createSymbolicLink(tmp.resolve("later.json"), tmp.resolve("new.json"));
    String[][] pairs = {
      {"json=" + link, "sarif=" + target},
      {"json=" + dir.resolve("a.json"), "sarif=" + tmp.resolve("a.json")},
      {"json=" + dangling, "sarif=" + tmp.resolve("new.json")},
    };
    for (String[] pair : pairs) {
      Result r =
          CliRunner.run(
              "check",
              "--schemas",
              tmp.resolve("schemas").toString(),
              "--format",
              pair[0],
              "--format",
              pair[1],
              "--",
              payload.toString());
      assertEquals(2, r.code(), String.join(" ", pair) + ": " + r.err());
      assertTrue(r.err().contains("two reports would be written to"), r.err());
    }
    assertTrue(
        Files.notExists(target) && Files.notExists(tmp.resolve("new.json")), "nothing written");
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsTargetGetsTheReport() throws Exception {
    Path payload = payload();
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Path target = reports.resolve("latest.sarif");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(tmp.resolve("flowlint.sarif"), target);
    Path dangling =
        Files.createSymbolicLink(tmp.resolve("cq.json"), reports.resolve("not-yet.json"));
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            tmp.resolve("schemas").toString(),
            "--format",
            "sarif=" + link,
            "--format",
            "gitlab=" + dangling,
            "--",
            payload.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertTrue(Files.isSymbolicLink(dangling), "a link to a file not made yet stays a link too");
    assertEquals(
        "2.1.0", CanonicalJson.mapper().readTree(target.toFile()).get("version").asString());
    assertTrue(CanonicalJson.mapper().readTree(reports.resolve("not-yet.json").toFile()).isArray());
  }

  @Test
  void aNamedPipeIsWrittenIntoNotReplaced() throws Exception {
    Path payload = payload();
    Path fifo = tmp.resolve("report.pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
    // The reader opens the pipe as a consumer would (cat flowlint.pipe) and reads the whole report.
    CompletableFuture<String> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                return "unreadable: " + e;
              }
            });
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            tmp.resolve("schemas").toString(),
            "--format",
            "json",
            "--output",
            fifo.toString(),
            "--",
            payload.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(
        Files.readAttributes(
                fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .isOther(),
        "the pipe is still a pipe");
    String report = read.get(20, TimeUnit.SECONDS);
    assertTrue(CanonicalJson.mapper().readTree(report).at("/summary/errors").asInt(-1) > 0, report);
  }

  /**
   * A report's temporary file is named as --fix's and import's are (.NAME.flowlint-PID-N.tmp), so
   * the next run removes one a killed run left; it was .NAMEdigits.tmp, which nothing ever removed.
   */
  @Test
  void aKilledRunsReportTemporaryIsRemovedByTheNext() throws Exception {
    Path payload = payload();
    Path report = tmp.resolve("r.json");
    Path stale = tmp.resolve(".r.json.flowlint-" + ImportTemporariesTest.deadPid() + "-1.tmp");
    Files.writeString(stale, "{\"tool\"");
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            tmp.resolve("schemas").toString(),
            "--format",
            "json=" + report,
            "--",
            payload.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(!Files.exists(stale), "the dead run's temporary file is gone");
    try (var left = Files.list(tmp)) {
      assertEquals(
          java.util.List.of(),
          left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
    }
  }

  /**
   * A report may not replace the run's own inputs: --format sarif=schemas/index.json replaced the
   * index, and every later check stopped with "no flow schemas".
   */
  @Test
  void aReportMayNotReplaceTheSchemasOrTheSettings() throws Exception {
    Path payload = payload();
    Path schemas = tmp.resolve("schemas");
    Path config = Files.writeString(tmp.resolve("flowlint.yaml"), "schemas: schemas\n");
    String index = Files.readString(schemas.resolve("index.json"));
    String[][] cases = {
      {"--format", "sarif=" + schemas.resolve("index.json")},
      {"--format", "json=" + schemas.resolve("order-lookup.schema.json")},
      {"--output", config.toString()}
    };
    for (String[] c : cases) {
      Result r =
          CliRunner.run(
              "check", "--config", config.toString(), c[0], c[1], "--", payload.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("which the report would overwrite"), r.err());
    }
    assertEquals(index, Files.readString(schemas.resolve("index.json")));
    assertEquals("schemas: schemas\n", Files.readString(config));
    Result fine =
        CliRunner.run(
            "check",
            "--config",
            config.toString(),
            "--format",
            "json=" + schemas.resolve("report.json"),
            "--",
            payload.toString());
    assertEquals(1, fine.code(), "another file in the schemas directory is fine: " + fine.err());
  }
}
