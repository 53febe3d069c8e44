package dev.flowlint.check;

/**
 * Where each character of a decoded JSON string literal sits in the file: escapes such as \n or
 * \u00e9 take several file characters for one decoded character.
 */
final class StringOffsets {
  private StringOffsets() {}

  /**
   * @param raw the file text
   * @param tokenStart offset of the opening quote
   * @return offsets into {@code raw}, one per decoded character plus one for the end
   */
  static int[] map(String raw, int tokenStart) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int i = tokenStart + 1;
    while (i < raw.length() && raw.charAt(i) != '"') {
      out.add(i);
      if (raw.charAt(i) == '\\' && i + 1 < raw.length()) {
        i += raw.charAt(i + 1) == 'u' ? 6 : 2;
      } else {
        i++;
      }
    }
    out.add(i);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
