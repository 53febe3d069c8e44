package dev.flowlint.model;

/**
 * Maps offsets of a text to lines and columns. Line ends are LF, CRLF or a lone CR; a leading BOM
 * takes no column, as editors do not show it.
 */
public final class TextLines {
  private final String text;
  private final int[] starts;
  private final int bom;

  public TextLines(String text) {
    this.text = text;
    this.bom = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    int[] s = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == s.length) {
          s = java.util.Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    starts = java.util.Arrays.copyOf(s, n);
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return starts.length;
  }

  /** 1-based line of an offset. */
  public int line(int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** 1-based column of an offset, in UTF-16 code units. */
  public int column(int offset) {
    return column(offset, line(offset));
  }

  private int column(int offset, int line) {
    int col = offset - starts[line - 1] + 1;
    return line == 1 && bom == 1 && offset > 0 ? col - 1 : col;
  }

  public Span span(int start, int end) {
    // Each offset's line is looked up once: the parser makes a span for every key and value.
    int startLine = line(start);
    int endLine = line(end);
    return new Span(start, end, startLine, column(start, startLine), endLine, column(end, endLine));
  }

  /**
   * The text's own line end (its first one: LF, CRLF or CR), or LF when it has none; fixes that add
   * lines use it.
   */
  public String lineSeparator() {
    if (starts.length < 2) {
      return "\n";
    }
    int end = starts[1];
    return text.charAt(end - 1) == '\r'
        ? "\r"
        : end >= 2 && text.charAt(end - 2) == '\r' ? "\r\n" : "\n";
  }

  /** The text of a 1-based line, without its line end. */
  public String lineText(int line) {
    int start = starts[line - 1] + (line == 1 ? bom : 0);
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }
}
