package dev.flowlint.model;

/**
 * A range of a text: offsets into the text as read (end exclusive), and 1-based line and column
 * (columns in UTF-16 code units, end exclusive) as an editor shows them.
 */
public record Span(int start, int end, int line, int column, int endLine, int endColumn) {
  public static final Span NONE = new Span(0, 0, 1, 1, 1, 1);

  public int length() {
    return end - start;
  }
}
