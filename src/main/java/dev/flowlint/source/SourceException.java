package dev.flowlint.source;

/**
 * A source file that cannot be read as a flow definition. The message names the file and, where
 * known, the line and column, in the form {@code path:line:col: what is wrong}.
 */
public final class SourceException extends Exception {
  private final String path;
  private final int line;
  private final int column;
  private final String reason;

  public SourceException(String path, int line, int column, String reason) {
    super(format(path, line, column, reason), null, false, false);
    this.path = path;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public SourceException(String path, String reason) {
    this(path, 0, 0, reason);
  }

  private static String format(String path, int line, int column, String reason) {
    if (line <= 0) {
      return path + ": " + reason;
    }
    return path + ":" + line + ":" + Math.max(column, 1) + ": " + reason;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
