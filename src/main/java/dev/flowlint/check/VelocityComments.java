package dev.flowlint.check;

/**
 * Velocity drops {@code ## ...} to the end of the line and {@code #* ... *#} blocks before anything
 * else, wherever they stand, so a template is checked as Velocity renders it: comments become
 * spaces (line ends kept), and every offset still points at the same character of the file.
 */
final class VelocityComments {
  private VelocityComments() {}

  static String blank(String template) {
    if (template.indexOf('#') < 0) {
      return template;
    }
    char[] out = template.toCharArray();
    int i = 0;
    while (i < out.length - 1) {
      if (out[i] == '#' && out[i + 1] == '#') {
        int end = i;
        while (end < out.length && out[end] != '\n' && out[end] != '\r') {
          out[end++] = ' ';
        }
        i = end;
      } else if (out[i] == '#' && out[i + 1] == '*') {
        int close = template.indexOf("*#", i + 2);
        if (close < 0) {
          break; // unterminated: Velocity fails on it, and so does the JSON check
        }
        for (int k = i; k < close + 2; k++) {
          if (out[k] != '\n' && out[k] != '\r') {
            out[k] = ' ';
          }
        }
        i = close + 2;
      } else {
        i++;
      }
    }
    return new String(out);
  }
}
