package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.config.Config;
import dev.flowlint.model.Definition;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.FlowCalls;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.source.ExportCallSites;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.SourceException;
import dev.flowlint.source.SourceText;
import dev.flowlint.source.YamlCallSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real corpus: every flow and data action is imported as a user would, then every call site in
 * every corpus flow is checked. The blueprints work in production, so a call whose callee is in
 * the corpus must come out clean; calls to callees outside it are only noted (info).
 */
class CallSiteCorpusTest {
  @TempDir Path schemas;

  @Test
  void everyCorpusCallSiteWhoseCalleeIsInTheCorpusIsCheckedAndClean() throws Exception {
    Path corpus = TestFiles.corpus().orElseThrow();
    List<Definition> defs = new ArrayList<>();
    FlowSources sources = new FlowSources();
    List<Path> flows = new ArrayList<>();
    for (String dir : List.of("archy-yaml", "architect-export", "data-action")) {
      try (Stream<Path> files = Files.list(corpus.resolve(dir))) {
        for (Path f : files.sorted().toList()) {
          if (!dir.equals("data-action")) {
            flows.add(f);
          }
          try {
            defs.addAll(sources.read(f, dir + "/" + f.getFileName()));
          } catch (SourceException e) {
            // Terraform .tf files and the like: not definitions flowlint reads.
          }
        }
      }
    }
    new SchemaImporter(RequiredPolicy.NO_DEFAULT).write(schemas, "schemas", defs, List.of());
    SchemaStore store = SchemaStore.open(schemas, "schemas");
    CallSiteChecker checker = new CallSiteChecker(store, Config.EMPTY);

    int sites = 0;
    int unknown = 0;
    List<String> wrong = new ArrayList<>();
    for (Path f : flows) {
      String display = f.getFileName().toString();
      String text = Files.readString(f);
      FileKinds.Kind kind = FileKinds.of(display, text);
      assertTrue(kind == FileKinds.Kind.FLOW_YAML || kind == FileKinds.Kind.FLOW_EXPORT, display + " is routed as a flow");
      SourceText source = new SourceText(display, text);
      FlowCalls calls = kind == FileKinds.Kind.FLOW_YAML ? YamlCallSites.read(source) : ExportCallSites.read(source);
      sites += calls.calls().size();
      if (System.getenv("CALLSITE_DUMP") != null) {
        for (var c : calls.calls()) {
          System.out.println("SITE " + c.kind() + " | " + c.callee() + " | in=" + c.inputs().size() + " out=" + c.outputs().size()
              + " | resolved=" + store.byName(c.callee().strip()).map(x -> x.type()).orElse("-") + " | " + display);
        }
      }
      FileReport report = checker.check(display, text, kind);
      for (Diagnostic d : report.diagnostics()) {
        if (d.rule() == Rule.CALL_UNKNOWN_CALLEE) {
          unknown++;
        } else {
          wrong.add(display + " " + d.pointer() + ": " + d.rule().id() + " " + d.message());
        }
      }
    }
    int checked = sites - unknown;
    System.out.println("CallSiteCorpusTest: " + sites + " call sites in " + flows.size() + " corpus flows; "
        + checked + " checked against a corpus callee, " + unknown + " with no callee schema (info); "
        + wrong.size() + " other findings");
    wrong.forEach(w -> System.out.println("  " + w));
    assertEquals(List.of(), wrong, "corpus call sites reported wrongly");
    assertTrue(checked >= 20, "most call sites to corpus callees are checked, got " + checked);
  }
}
