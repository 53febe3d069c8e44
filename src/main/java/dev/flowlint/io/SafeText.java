package dev.flowlint.io;

/**
 * Text from payloads and definitions made safe for a terminal: control characters (ESC, BEL, NUL,
 * newlines ...), C1 controls and bidirectional overrides are shown as escapes, never sent raw, so a
 * key or flow name cannot recolour, retitle or reorder what the user reads.
 */
public final class SafeText {
  private SafeText() {}

  public static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = replacement(c);
      if (rep == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      out.append(rep);
    }
    return out == null ? s : out.toString();
  }

  /**
   * A file name to show, unambiguously: as it is when it holds nothing {@link #escape} changes,
   * else in double quotes with its backslashes and quotes escaped too. Escaped bare, a file named
   * "x", newline, ".json" and one named "x\\n.json" (a backslash and an n) looked alike. A name
   * that starts with a quote is quoted too, so a bare name never looks like a quoted one.
   */
  public static String name(String s) {
    if (s == null || (escape(s).equals(s) && !s.startsWith("\""))) {
      return escape(s);
    }
    return "\"" + escape(s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
  }

  /**
   * A source line to show with carets under it: each unsafe character becomes one '?', so columns
   * still line up.
   */
  public static String sameWidth(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\t' && replacement(c) != null) {
        if (out == null) {
          out = new StringBuilder(s);
        }
        out.setCharAt(i, '?');
      }
    }
    return out == null ? s : out.toString();
  }

  private static String replacement(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    return unsafe(c) ? String.format("\\u%04x", (int) c) : null;
  }

  /** A control character, C1 control or bidirectional override: never sent to a terminal raw. */
  static boolean unsafe(int c) {
    return c < 0x20
        || c == 0x7f
        || (c >= 0x80 && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
