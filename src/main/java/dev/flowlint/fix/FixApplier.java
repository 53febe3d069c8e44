package dev.flowlint.fix;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies the fixes of a set of findings to a text, each touching only its own span. */
public final class FixApplier {
  private FixApplier() {}

  public record Applied(String text, List<Fix> fixes) {}

  /** Overlapping fixes: the first (by position) wins; the other waits for a later pass. */
  public static Applied apply(String text, List<Diagnostic> diagnostics) {
    List<Fix> fixes = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      d.fix().ifPresent(fixes::add);
    }
    return applyAll(text, fixes);
  }

  /** The text with these fixes applied (overlaps resolved as in {@link #apply}). */
  public static String applyFixes(String text, List<Fix> fixes) {
    return applyAll(text, new ArrayList<>(fixes)).text();
  }

  private static Applied applyAll(String text, List<Fix> fixes) {
    fixes.sort(
        Comparator.comparingInt((Fix f) -> f.span().start()).thenComparingInt(f -> f.span().end()));
    List<Fix> chosen = new ArrayList<>();
    int end = -1;
    for (Fix f : fixes) {
      if (f.span().start() >= end && f.span().end() <= text.length()) {
        chosen.add(f);
        end = Math.max(f.span().end(), f.span().start() + 1);
      }
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = chosen.size() - 1; i >= 0; i--) {
      Fix f = chosen.get(i);
      out.replace(f.span().start(), f.span().end(), f.replacement());
    }
    return new Applied(out.toString(), chosen);
  }
}
