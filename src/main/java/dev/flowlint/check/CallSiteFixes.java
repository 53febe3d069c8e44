package dev.flowlint.check;

import dev.flowlint.fix.FixApplier;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * --fix for flow files: renames misspelt binding keys in Archy YAML, pass after pass (at most
 * five), and keeps a result only while it still reads as the same flow. Exports are base64 and are
 * never edited.
 */
final class CallSiteFixes {
  private CallSiteFixes() {}

  static CheckRun.FixOutcome fix(
      CallSiteChecker calls, String display, String text, FileKinds.Kind kind)
      throws StoreException {
    FileReport report = calls.check(display, text, kind);
    FileReport before = report;
    String original = text;
    List<Fix> applied = new ArrayList<>();
    Optional<String> refused = Optional.empty();
    if (kind != FileKinds.Kind.FLOW_YAML) {
      return new CheckRun.FixOutcome(report, original, text, applied, refused, before);
    }
    for (int pass = 0; pass < 5; pass++) {
      FixApplier.Applied next = FixApplier.apply(text, report.diagnostics());
      if (next.fixes().isEmpty()) {
        break;
      }
      FileReport after = calls.check(display, next.text(), kind);
      if (unreadable(after)) {
        refused =
            Optional.of(
                "the fixed text would not read as a flow, so these fixes were not applied: "
                    + Fix.describe(next.fixes()));
        break;
      }
      text = next.text();
      applied.addAll(next.fixes());
      report = after;
    }
    // The findings before any fix, for a file that is not written after all (--diff, read-only).
    return new CheckRun.FixOutcome(report, original, text, applied, refused, before);
  }

  private static boolean unreadable(FileReport report) {
    return report.diagnostics().stream()
        .map(Diagnostic::rule)
        .anyMatch(r -> r == Rule.UNREADABLE_FILE);
  }
}
