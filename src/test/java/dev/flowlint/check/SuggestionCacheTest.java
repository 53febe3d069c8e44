package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.config.Config;
import dev.flowlint.model.Definition;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.Rule;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One checker serves a whole run and remembers its did-you-mean answers: the same misspelling
 * checked against another flow, or as a bare shared-flow name, still gets that flow's own answer.
 */
class SuggestionCacheTest {
  @TempDir Path tmp;

  private static String flow(String name, String input) {
    return "workflow:\n  name: "
        + name
        + "\n  variables:\n    - stringVariable:\n        name: "
        + input
        + "\n        initialValue:\n          noValue: true\n        isInput: true\n";
  }

  @Test
  void theSameMisspellingGetsEachFlowsOwnSuggestion() throws Exception {
    List<Definition> defs = new ArrayList<>();
    defs.addAll(
        new FlowSources().read(new SourceText("a.yaml", flow("Alpha", "Flow.customer_id"))));
    defs.addAll(new FlowSources().read(new SourceText("b.yaml", flow("Beta", "Flow.customerIds"))));
    new SchemaImporter(RequiredPolicy.NO_DEFAULT).write(tmp, tmp.toString(), defs, List.of());
    PayloadChecker checker =
        new PayloadChecker(SchemaStore.open(tmp, tmp.toString()), Config.EMPTY);
    String payload = "{\"Flow.customerId\": \"x\"}";
    for (int round = 0; round < 2; round++) { // the second round is answered from the cache
      assertEquals(
          "Flow.customer_id", meant(checker.check("a.json", payload, to("Alpha")).diagnostics()));
      assertEquals(
          "Flow.customerIds", meant(checker.check("b.json", payload, to("Beta")).diagnostics()));
    }
  }

  private static Target to(String flow) {
    return new Target(Optional.of(flow), "--flow", Optional.of(Envelope.INPUTS));
  }

  private static String meant(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.rule() == Rule.UNKNOWN_INPUT)
        .map(d -> d.fix().orElseThrow().description().replace("rename to ", ""))
        .findFirst()
        .orElse("none");
  }
}
