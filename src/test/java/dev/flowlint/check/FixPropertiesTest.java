package dev.flowlint.check;

import static dev.flowlint.Properties.forAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.Properties;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * --fix on generated payloads, against the committed schemas: its output always parses, never has
 * more repeated keys than the input, a second --fix changes nothing, and every finding's span lies
 * inside the text.
 */
class FixPropertiesTest {
  private static final List<String> FLOWS =
      List.of("Order Lookup", "Resolve Customer", "WFM-HR-GetEmployeeBalances");
  private static final List<Optional<Envelope>> ENVELOPES =
      List.of(
          Optional.empty(),
          Optional.of(Envelope.INPUTS),
          Optional.of(Envelope.FLOW_EXECUTION),
          Optional.of(Envelope.SHARED_FLOW));

  record Case(String text, String flow, Optional<Envelope> envelope) {
    @Override
    public String toString() {
      return text
          + "\n(flow "
          + flow
          + ", envelope "
          + envelope.map(Envelope::id).orElse("detected")
          + ")";
    }
  }

  private static CheckRun.FixOutcome fix(String text, String flow, Optional<Envelope> envelope)
      throws Exception {
    SchemaStore store = SchemaStore.open(Path.of("schemas"), "schemas");
    CheckRun run =
        new CheckRun(store, Config.EMPTY, Optional.of(flow), envelope, new PayloadFiles(List.of()));
    return run.fix(List.of("-"), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .get(0);
  }

  @Test
  void fixOutputParsesHasNoNewDuplicatesAndIsStable() {
    AtomicInteger fixed = new AtomicInteger();
    forAll(
        "--fix",
        400,
        r ->
            new Case(
                PayloadGen.payload(r), Properties.pick(r, FLOWS), Properties.pick(r, ENVELOPES)),
        c -> {
          CheckRun.FixOutcome first = fix(c.text(), c.flow(), c.envelope());
          String out = first.fixed();
          if (!first.applied().isEmpty()) {
            fixed.incrementAndGet();
          }
          if (TemplateJsonParser.parse(c.text()).error().isEmpty()) {
            assertTrue(
                TemplateJsonParser.parse(out).error().isEmpty(),
                () -> "the fixed text does not parse:\n" + out);
            assertTrue(
                DuplicateKeys.count(out) <= DuplicateKeys.count(c.text()),
                () -> "a fix repeated a key:\n" + out);
          } else {
            assertEquals(c.text(), out, "a payload that does not parse is not changed");
          }
          first
              .report()
              .diagnostics()
              .forEach(
                  d ->
                      assertTrue(
                          d.span().start() >= 0 && d.span().end() <= out.length(), d::toString));
          // Fixes run up to five passes; when nothing was held back, the result is a fixed point.
          CheckRun.FixOutcome second = fix(out, c.flow(), c.envelope());
          if (first.refused().isEmpty() && second.refused().isEmpty()) {
            assertEquals(out, second.fixed(), () -> "a second --fix changed the text:\n" + out);
          }
        });
    assertTrue(
        fixed.get() > 40, "the generator gives fixable payloads: " + fixed.get() + " of 400");
  }

  @Test
  void brokenPayloadsAreCheckedWithoutThrowing() {
    forAll(
        "--fix on broken text",
        400,
        r -> new Case(PayloadGen.mangled(r), Properties.pick(r, FLOWS), Optional.empty()),
        c -> {
          CheckRun.FixOutcome o = fix(c.text(), c.flow(), c.envelope());
          // The report is about the text as fixed (the original when nothing was applied).
          int length = o.report().lines().text().length();
          assertTrue(
              o.applied().isEmpty()
                  ? length <= c.text().length() + 1
                  : length == o.fixed().length() || o.fixed().isEmpty());
          o.report()
              .diagnostics()
              .forEach(
                  d -> assertTrue(d.span().start() >= 0 && d.span().end() <= length, d::toString));
        });
  }
}
