package dev.flowlint.check;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Rule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@link #PER_RULE} findings of one rule per file, then one finding saying how many more
 * there are: a generated payload with 400,000 unknown keys must not print hundreds of megabytes.
 * Applied where a file's report is made, so every format gets the same list.
 */
public final class FindingsCap {
  public static final int PER_RULE = 100;

  private FindingsCap() {}

  /**
   * @param sorted findings in report order; the first {@link #PER_RULE} of each rule are kept
   */
  public static List<Diagnostic> apply(List<Diagnostic> sorted) {
    if (sorted.size() <= PER_RULE) {
      return sorted; // no rule can be over its cap
    }
    Map<Rule, Integer> seen = new EnumMap<>(Rule.class);
    for (Diagnostic d : sorted) {
      seen.merge(d.rule(), 1, Integer::sum);
    }
    if (seen.values().stream().allMatch(n -> n <= PER_RULE)) {
      return sorted;
    }
    Map<Rule, Integer> kept = new EnumMap<>(Rule.class);
    List<Diagnostic> out =
        new ArrayList<>(Math.min(sorted.size(), PER_RULE * seen.size() + seen.size()));
    for (Diagnostic d : sorted) {
      int n = kept.merge(d.rule(), 1, Integer::sum);
      if (n <= PER_RULE) {
        out.add(d);
      } else if (n == PER_RULE + 1) {
        int more = seen.get(d.rule()) - PER_RULE;
        // Placed at the first finding not shown, so a reader knows where the rest begins.
        out.add(
            new Diagnostic(
                d.rule(),
                d.severity(),
                "and "
                    + more
                    + " more "
                    + d.rule().id()
                    + " "
                    + (more == 1 ? "finding" : "findings")
                    + " in this file, not shown (the first "
                    + PER_RULE
                    + " are)",
                d.pointer(),
                d.span(),
                Optional.empty(),
                List.of()));
      }
    }
    return out;
  }
}
