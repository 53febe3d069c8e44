package dev.flowlint.check;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the diagnostics of one payload, each at its rule's default severity. */
final class Findings {
  private final List<Diagnostic> list = new ArrayList<>();

  void add(
      Rule rule, String message, String pointer, Span span, Optional<Fix> fix, List<String> help) {
    list.add(new Diagnostic(rule, rule.defaultSeverity(), message, pointer, span, fix, help));
  }

  /** A finding below (or above) its rule's default severity, such as a value Genesys converts. */
  void add(
      Rule rule,
      dev.flowlint.model.Severity severity,
      String message,
      String pointer,
      Span span,
      Optional<Fix> fix,
      List<String> help) {
    list.add(new Diagnostic(rule, severity, message, pointer, span, fix, help));
  }

  void add(Rule rule, String message, String pointer, Span span, String... help) {
    add(rule, message, pointer, span, Optional.empty(), List.of(help));
  }

  List<Diagnostic> list() {
    return list;
  }
}
