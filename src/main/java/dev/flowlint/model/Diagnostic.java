package dev.flowlint.model;

import java.util.List;
import java.util.Optional;

/**
 * One finding in one payload.
 *
 * @param pointer JSON Pointer of the node it is about ("" for the whole document)
 * @param help further lines for a person: what to do, or the fact behind the rule
 */
public record Diagnostic(
    Rule rule,
    Severity severity,
    String message,
    String pointer,
    Span span,
    Optional<Fix> fix,
    List<String> help) {

  public Diagnostic {
    help = List.copyOf(help);
  }

  public Diagnostic withSeverity(Severity s) {
    return new Diagnostic(rule, s, message, pointer, span, fix, help);
  }
}
