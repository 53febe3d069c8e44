package dev.flowlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.TextLines;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How fixes combine in one pass: by position, adjacent ones together, overlapping ones one at a
 * time. Found by PIT.
 */
class FixApplierTest {
  private static final String TEXT = "abcdefghij";
  private static final TextLines LINES = new TextLines(TEXT);

  private static Diagnostic fix(int start, int end, String replacement) {
    Fix f = new Fix(replacement, "r" + start + "-" + end, LINES.span(start, end));
    return new Diagnostic(
        Rule.UNKNOWN_INPUT,
        Severity.ERROR,
        "m",
        "",
        LINES.span(start, end),
        Optional.of(f),
        List.of());
  }

  @Test
  void adjacentFixesBothApplyInPositionOrder() {
    FixApplier.Applied a = FixApplier.apply(TEXT, List.of(fix(3, 5, "X"), fix(0, 3, "Y")));
    assertEquals("YXfghij", a.text());
    assertEquals(List.of("r0-3", "r3-5"), a.fixes().stream().map(Fix::description).toList());
  }

  @Test
  void aFixUpToTheEndApplies() {
    assertEquals("abcdefgh!", FixApplier.apply(TEXT, List.of(fix(8, 10, "!"))).text());
  }

  @Test
  void overlappingFixesWaitForTheNextPassAndTheShorterGoesFirst() {
    FixApplier.Applied a =
        FixApplier.apply(TEXT, List.of(fix(2, 6, "L"), fix(2, 3, "S"), fix(4, 7, "O")));
    assertEquals(
        "abSdOhij", a.text()); // (2,6) overlaps the shorter (2,3) and waits; (4,7) does not
    assertEquals(List.of("r2-3", "r4-7"), a.fixes().stream().map(Fix::description).toList());
  }

  @Test
  void twoInsertionsAtOnePlaceAreOneAtATime() {
    FixApplier.Applied a =
        FixApplier.apply(TEXT, List.of(fix(4, 4, "1"), fix(4, 4, "2"), fix(5, 5, "3")));
    assertEquals("abcd1e3fghij", a.text());
    assertEquals(2, a.fixes().size());
  }

  @Test
  void findingsWithoutFixesAreIgnored() {
    Diagnostic none =
        new Diagnostic(
            Rule.UNKNOWN_INPUT,
            Severity.ERROR,
            "m",
            "",
            LINES.span(0, 1),
            Optional.empty(),
            List.of());
    assertEquals(TEXT, FixApplier.apply(TEXT, List.of(none)).text());
    assertEquals(
        "Zbcdefghij", FixApplier.applyFixes(TEXT, List.of(new Fix("Z", "z", LINES.span(0, 1)))));
  }
}
