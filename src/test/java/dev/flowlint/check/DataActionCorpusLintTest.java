package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flowlint check over every real data action export: each is linted as an action, none breaks the
 * reader.
 */
class DataActionCorpusLintTest {
  @TempDir Path schemas;

  @Test
  void everyCorpusDataActionIsLintedAsAnAction() throws Exception {
    Path corpus = TestFiles.corpus().orElseThrow();
    SchemaStore store = FixtureSupport.importFixtures(schemas);
    CheckRun run = FixtureSupport.run(store);
    List<FileReport> reports =
        run.run(
            List.of(corpus.resolve("data-action").toString()),
            new ByteArrayInputStream(new byte[0]));
    // 90 JSON files (the .tf files are not JSON exports): 86 exports are linted; the 4 stand-alone
    // Terraform input contracts are what import reads, skipped by check unless named.
    assertEquals(86, reports.size(), "the 86 exports");
    assertEquals(4, run.skipped().size(), run.skipped().toString());
    run.skipped()
        .forEach(
            s ->
                assertTrue(
                    s.path().endsWith("data-action-input.json")
                        && s.quiet()
                        && s.reason().startsWith("a data action input contract"),
                    s.toString()));
    Map<String, Integer> rules = new TreeMap<>();
    for (FileReport r : reports) {
      assertTrue(r.flow().isPresent(), "read as an action: " + r.path());
      for (Diagnostic d : r.diagnostics()) {
        rules.merge(d.rule().id(), 1, Integer::sum);
        assertFalse(
            d.rule() == Rule.INVALID_JSON
                || d.rule() == Rule.UNREADABLE_FILE
                || d.rule() == Rule.UNKNOWN_FLOW,
            r.path() + ": " + d.message());
      }
    }
    // What the real files hold: unescaped string inputs, raw JSON injections, $Input in URLs.
    assertEquals(40, rules.get("template-unescaped-input"));
    assertEquals(6, rules.get("template-unknown-input"));
    assertTrue(rules.get("template-not-static") >= 7, rules.toString());
  }
}
