package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.config.Config;
import dev.flowlint.model.Envelope;
import dev.flowlint.payload.DuplicateKeys;
import dev.flowlint.payload.PayloadGen;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * --fix on generated payloads, against the committed schemas: its output always parses, never has
 * more repeated keys than the input, a second --fix changes nothing, and every finding's span lies
 * inside the text.
 */
class FixPropertiesTest {
  private static final List<String> FLOWS = List.of("Order Lookup", "Resolve Customer", "WFM-HR-GetEmployeeBalances");

  private static CheckRun.FixOutcome fix(String text, String flow, Optional<Envelope> envelope) throws Exception {
    SchemaStore store = SchemaStore.open(Path.of("schemas"), "schemas");
    CheckRun run = new CheckRun(store, Config.EMPTY, Optional.of(flow), envelope, new PayloadFiles(List.of()));
    return run.fix(List.of("-"), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).get(0);
  }

  @Property(tries = 300)
  void fixOutputParsesHasNoNewDuplicatesAndIsStable(@ForAll("payloads") String text, @ForAll("flows") String flow,
      @ForAll("envelopes") Optional<Envelope> envelope) throws Exception {
    CheckRun.FixOutcome first = fix(text, flow, envelope);
    String fixed = first.fixed();
    net.jqwik.api.statistics.Statistics.collect(first.applied().isEmpty() ? "no fix" : "fixed", first.refused().isPresent() ? "refused" : "-");
    if (TemplateJsonParser.parse(text).error().isEmpty()) {
      assertTrue(TemplateJsonParser.parse(fixed).error().isEmpty(), () -> "the fixed text does not parse:\n" + fixed);
      assertTrue(DuplicateKeys.count(fixed) <= DuplicateKeys.count(text), () -> "a fix repeated a key:\n" + text + "\n->\n" + fixed);
    } else {
      assertEquals(text, fixed, "a payload that does not parse is not changed");
    }
    first.report().diagnostics().forEach(d -> assertTrue(d.span().end() <= fixed.length() && d.span().start() >= 0, d::toString));
    // Fixes run up to five passes: what is left then is for a person; a payload fixed in fewer
    // passes must be a fixed point.
    CheckRun.FixOutcome second = fix(fixed, flow, envelope);
    if (first.applied().size() < 100 && second.refused().isEmpty() && first.refused().isEmpty()) {
      assertEquals(fixed, second.fixed(), () -> "a second --fix changed the text:\n" + text + "\n->\n" + fixed);
    }
  }

  @Property(tries = 300)
  void brokenPayloadsAreCheckedWithoutThrowing(@ForAll("mangled") String text, @ForAll("flows") String flow) throws Exception {
    CheckRun.FixOutcome o = fix(text, flow, Optional.empty());
    o.report().diagnostics().forEach(d -> assertTrue(d.span().end() <= text.length() && d.span().start() >= 0, d::toString));
  }

  @Provide
  Arbitrary<String> payloads() {
    return PayloadGen.payload();
  }

  @Provide
  Arbitrary<String> mangled() {
    return PayloadGen.mangled();
  }

  @Provide
  Arbitrary<String> flows() {
    return Arbitraries.of(FLOWS);
  }

  @Provide
  Arbitrary<Optional<Envelope>> envelopes() {
    return Arbitraries.of(Optional.empty(), Optional.of(Envelope.INPUTS), Optional.of(Envelope.FLOW_EXECUTION), Optional.of(Envelope.SHARED_FLOW));
  }
}
