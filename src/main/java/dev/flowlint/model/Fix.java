package dev.flowlint.model;

/** Text that replaces a span of the payload to resolve a finding. */
public record Fix(String replacement, String description, Span span) {

  /** The fixes' descriptions in order, separated by "; ", for a message about all of them. */
  public static String describe(java.util.List<Fix> fixes) {
    return String.join("; ", fixes.stream().map(Fix::description).toList());
  }
}
