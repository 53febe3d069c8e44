package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.model.FileReport;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are checked in parallel, yet reports come out in input order, each with its own findings.
 */
class ParallelOrderTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  @TempDir Path tmp;

  @Test
  void moreFilesThanTheWindowComeOutInOrderWithTheirOwnFindings() throws Exception {
    SchemaStore store = FixtureSupport.importFixtures(tmp.resolve("schemas"));
    Path dir = Files.createDirectories(tmp.resolve("p"));
    int n = 1500;
    for (int i = 0; i < n; i++) {
      // Every seventh file is wrong, and says which file it is in the key it gets wrong.
      String body =
          i % 7 == 0
              ? "{\"flowId\": \""
                  + ORDER
                  + "\", \"inputData\": {\"Flow.customer_id\": \"x\", \"wrong"
                  + i
                  + "\": 1}}"
              : "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"x\"}}";
      Files.writeString(dir.resolve(String.format("f%04d.json", i)), body);
    }
    List<FileReport> reports = new ArrayList<>();
    new CheckRun(
            store,
            dev.flowlint.config.Config.EMPTY,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            new PayloadFiles(List.of()))
        .run(List.of(dir.toString(), "-"), new ByteArrayInputStream("{}".getBytes()), reports::add);
    assertEquals(n + 1, reports.size());
    for (int i = 0; i < n; i++) {
      FileReport r = reports.get(i);
      assertEquals(dir + "/" + String.format("f%04d.json", i), r.path());
      if (i % 7 == 0) {
        assertEquals(1, r.diagnostics().size(), r.path());
        assertEquals("/inputData/wrong" + i, r.diagnostics().get(0).pointer());
      } else {
        assertEquals(List.of(), r.diagnostics(), r.path());
      }
    }
    assertEquals("<stdin>", reports.get(n).path());
  }

  @Test
  void skipsAreRecordedInInputOrderBesideTheReports() throws Exception {
    SchemaStore store = FixtureSupport.importFixtures(tmp.resolve("schemas"));
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    int n = 600;
    for (int i = 0; i < n; i++) {
      // Every fifth file is a JSON array (not a payload: skipped), every seventh left out by
      // exclude.
      String name = String.format("f%04d%s.json", i, i % 7 == 0 ? "-draft" : "");
      String body =
          i % 5 == 0
              ? "[" + i + "]"
              : "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"x\"}}";
      Files.writeString(dir.resolve(name), body);
    }
    List<String> expectedSkips = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < n; i++) {
      if (i % 7 == 0) {
        expectedSkips.add(String.format("%s/f%04d-draft.json", dir, i));
      } else if (i % 5 == 0) {
        expectedSkips.add(String.format("%s/f%04d.json", dir, i));
      } else {
        checked++;
      }
    }
    for (int round = 0; round < 3; round++) {
      CheckRun run =
          new CheckRun(
              store,
              dev.flowlint.config.Config.EMPTY,
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              new PayloadFiles(List.of(), List.of("**/*-draft.json")));
      List<FileReport> reports =
          run.run(List.of(dir.toString()), new ByteArrayInputStream(new byte[0]));
      assertEquals(checked, reports.size());
      assertEquals(
          expectedSkips,
          run.skipped().stream().map(CheckRun.Skip::path).toList(),
          "round " + round);
    }
  }
}
