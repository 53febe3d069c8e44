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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real corpus: every flow and data action is imported as a user would, then every call site in
 * every corpus flow is checked. The blueprints work in production, so a call whose callee is in the
 * corpus must come out clean; calls to callees outside it are only noted (info).
 */
@Order(10) // see junit-platform.properties: the slowest classes start first
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
    List<Checked> checkedFlows = new ArrayList<>();
    for (Path f : flows) {
      String display = f.getFileName().toString();
      String text = Files.readString(f);
      FileKinds.Kind kind = FileKinds.of(display, text);
      assertTrue(
          kind == FileKinds.Kind.FLOW_YAML || kind == FileKinds.Kind.FLOW_EXPORT,
          display + " is routed as a flow");
      SourceText source = new SourceText(display, text);
      FlowCalls calls =
          kind == FileKinds.Kind.FLOW_YAML
              ? YamlCallSites.read(source)
              : ExportCallSites.read(source);
      sites += calls.calls().size();
      if (System.getenv("CALLSITE_DUMP") != null) {
        for (var c : calls.calls()) {
          System.out.println(
              "SITE "
                  + c.kind()
                  + " | "
                  + c.callee()
                  + " | in="
                  + c.inputs().size()
                  + " out="
                  + c.outputs().size()
                  + " | resolved="
                  + store.byName(c.callee().strip()).map(x -> x.type()).orElse("-")
                  + " | "
                  + display);
        }
      }
      FileReport report = checker.check(display, text, kind);
      checkedFlows.add(new Checked(display, text, kind, source, calls, report.diagnostics()));
      for (Diagnostic d : report.diagnostics()) {
        if (d.rule() == Rule.CALL_UNKNOWN_CALLEE) {
          unknown++;
        } else {
          wrong.add(display + " " + d.pointer() + ": " + d.rule().id() + " " + d.message());
        }
      }
    }
    int checked = sites - unknown;
    int[] mutated = mutations(checkedFlows, checker);
    System.out.println(
        "CallSiteCorpusTest: "
            + sites
            + " call sites in "
            + flows.size()
            + " corpus flows; "
            + checked
            + " checked against a corpus callee, "
            + unknown
            + " with no callee schema (info); "
            + wrong.size()
            + " other findings");
    wrong.forEach(w -> System.out.println("  " + w));
    System.out.println(
        "CallSiteCorpusTest: misspelling the first input of each checked call site: "
            + mutated[1]
            + " of "
            + mutated[0]
            + " reported as call-unknown-input at that binding");
    assertEquals(List.of(), wrong, "corpus call sites reported wrongly");
    assertEquals(
        mutated[0],
        mutated[1],
        "every checked call site with an input binding catches a misspelt input");
    assertTrue(mutated[0] >= 100, "enough call sites were mutated, got " + mutated[0]);
    assertTrue(checked >= 20, "most call sites to corpus callees are checked, got " + checked);
  }

  /** A corpus flow as the test above read and checked it. */
  private record Checked(
      String display,
      String text,
      FileKinds.Kind kind,
      SourceText source,
      FlowCalls calls,
      List<Diagnostic> diagnostics) {}

  /**
   * One copy of each flow with the first input key of every call site whose callee is known
   * misspelt ("Zz" appended): the checker must report each one there. Returns {mutated, caught}.
   */
  private static int[] mutations(List<Checked> flows, CallSiteChecker checker) throws Exception {
    int tried = 0;
    int caught = 0;
    // The flows as read and checked above: reading and checking them again gave the same.
    for (Checked flow : flows) {
      String display = flow.display();
      String text = flow.text();
      FileKinds.Kind kind = flow.kind();
      SourceText source = flow.source();
      boolean yaml = kind == FileKinds.Kind.FLOW_YAML;
      FlowCalls calls = flow.calls();
      List<String> unknownCallees =
          flow.diagnostics().stream()
              .filter(d -> d.rule() == Rule.CALL_UNKNOWN_CALLEE)
              .map(Diagnostic::pointer)
              .toList();
      List<dev.flowlint.model.CallSite.Binding> misspelt = new ArrayList<>();
      for (var call : calls.calls()) {
        if (!unknownCallees.contains(call.at().pointer())
            && !call.inputs().isEmpty()
            && !call.inputs().get(0).placeholder()) {
          misspelt.add(call.inputs().get(0));
        }
      }
      if (misspelt.isEmpty()) {
        continue;
      }
      String changed;
      if (yaml) {
        StringBuilder out = new StringBuilder(text);
        for (int i = misspelt.size() - 1; i >= 0; i--) {
          var k = (dev.flowlint.model.CallLocation.YamlKey) misspelt.get(i).at();
          char last = text.charAt(k.span().end() - 1);
          out.insert(last == '"' || last == '\'' ? k.span().end() - 1 : k.span().end(), "Zz");
        }
        changed = out.toString();
      } else {
        var root = ExportCallSites.decode(source);
        for (var b : misspelt) {
          String ptr = b.at().pointer();
          ((tools.jackson.databind.node.ObjectNode) root.at(ptr.substring(0, ptr.lastIndexOf('/'))))
              .put("name", b.name() + "Zz");
        }
        changed =
            dev.flowlint.source.ExportEncoding.encode(
                dev.flowlint.io.CanonicalJson.mapper().writeValueAsString(root));
      }
      List<Diagnostic> found = checker.check(display, changed, kind).diagnostics();
      for (var b : misspelt) {
        tried++;
        // In YAML the pointer names the key as written, so it carries the misspelling too.
        String want = yaml ? b.at().pointer() + "Zz" : b.at().pointer();
        if (found.stream()
            .anyMatch(
                d ->
                    d.rule() == Rule.CALL_UNKNOWN_INPUT
                        && d.pointer().equals(want)
                        && d.message().contains("\"" + b.name() + "Zz\""))) {
          caught++;
        } else {
          System.out.println("  not caught: " + display + " " + b.at().pointer());
        }
      }
    }
    return new int[] {tried, caught};
  }
}
