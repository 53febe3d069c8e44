package dev.flowlint.model;

import java.util.List;
import java.util.Optional;

/** The findings for one payload file, with its text for showing source lines. */
public record FileReport(
    String path,
    Optional<String> flow,
    Optional<String> envelope,
    List<Diagnostic> diagnostics,
    TextLines lines) {

  public FileReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public long count(Severity s) {
    long n = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == s) {
        n++;
      }
    }
    return n;
  }
}
