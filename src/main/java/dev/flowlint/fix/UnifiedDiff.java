package dev.flowlint.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts with three lines of context, as git shows it and {@code git apply}
 * takes it: lines are split on LF only, so a CRLF file keeps its CR on every line and a CR-only
 * file is one line, exactly as git sees them. Lines are aligned by java-diff-utils (Myers).
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  /** Marks a last line with no line end; NUL never occurs in text flowlint reads. */
  private static final String NO_EOL = "\u0000";

  private UnifiedDiff() {}

  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    String shown = path.startsWith("/") ? path.substring(1) : path;
    StringBuilder out = new StringBuilder();
    for (String line :
        UnifiedDiffUtils.generateUnifiedDiff(
            quoted("a/" + shown), quoted("b/" + shown), a, patch, CONTEXT)) {
      if (line.endsWith(NO_EOL)) {
        out.append(line, 0, line.length() - 1).append("\n\\ No newline at end of file\n");
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * A path as git writes it in a diff header: as it is, or, when it holds a control character, a
   * quote or a backslash, in double quotes with C escapes (a line break would split the header, an
   * escape sequence would reach the terminal raw). git apply reads both.
   */
  static String quoted(String path) {
    if (path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\')) {
      return path;
    }
    StringBuilder q = new StringBuilder("\"");
    for (char c : path.toCharArray()) {
      switch (c) {
        case 7 -> q.append("\\a");
        case '\b' -> q.append("\\b");
        case '\t' -> q.append("\\t");
        case '\n' -> q.append("\\n");
        case 11 -> q.append("\\v");
        case '\f' -> q.append("\\f");
        case '\r' -> q.append("\\r");
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            q.append(String.format(java.util.Locale.ROOT, "\\%03o", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  /** Lines split on LF, without it; a last line with no LF carries {@link #NO_EOL}. */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start) + NO_EOL);
    }
    return out;
  }
}
