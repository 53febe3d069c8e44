package dev.flowlint.payload;

/** JSON string quoting for messages and fixes. */
public final class Quoting {
  private Quoting() {}

  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i)); // a pair: one visible character (an emoji)
          } else if (c < 0x20 || invisible(c) || Character.isSurrogate(c)) {
            // A lone surrogate cannot be printed at all: it came out as '?'.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A character a reader cannot see or that reorders what follows: controls, format characters
   * (zero-width space and joiners, BOM, soft hyphen, bidi overrides) and line separators. A key
   * holding one looks exactly like the input it misses, so a message shows it as an escape.
   */
  private static boolean invisible(char c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> false;
    };
  }

  /** RFC 6901 JSON Pointer token. */
  public static String pointerToken(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }
}
