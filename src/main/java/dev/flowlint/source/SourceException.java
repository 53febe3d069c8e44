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
  private final boolean foreign;

  public SourceException(String path, int line, int column, String reason) {
    this(path, line, column, reason, false);
  }

  private SourceException(String path, int line, int column, String reason, boolean foreign) {
    super(format(path, line, column, reason), null, false, false);
    this.path = path;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.foreign = foreign;
  }

  /** The same failure, known to be some other tool's file rather than a broken definition. */
  SourceException asForeign() {
    return new SourceException(path, line, column, reason, true);
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

  /**
   * The file has nothing of a flow or data action definition (package.json, a payload): found in a
   * directory, it may be passed over.
   */
  public boolean foreign() {
    return foreign;
  }
}
