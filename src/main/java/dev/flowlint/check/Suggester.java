package dev.flowlint.check;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Did-you-mean for input names (DESIGN.md §4). Names are compared without their scope and with case
 * and separators folded ({@code customerId}, {@code CUSTOMER_ID} → {@code customerid}); then by
 * Damerau-Levenshtein distance (commons-text) within a third of the longer folded name. Every
 * candidate tied for best is offered; none rather than a wrong one.
 */
public final class Suggester {
  private static final DamerauLevenshteinDistance UNLIMITED = new DamerauLevenshteinDistance();

  private Suggester() {}

  public static String fold(String name) {
    // One Unicode form: "e" + U+0301 (as some keyboards and pastes write it) and "é" are the same
    // letter to a reader, so the composed input is offered for the decomposed key.
    String composed =
        Normalizer.isNormalized(name, Normalizer.Form.NFC)
            ? name
            : Normalizer.normalize(name, Normalizer.Form.NFC);
    String bare = composed.contains(".") ? composed.substring(composed.indexOf('.') + 1) : composed;
    StringBuilder out = new StringBuilder(bare.length());
    for (int i = 0; i < bare.length(); i++) {
      char c = bare.charAt(i);
      if (c != '_' && c != '-' && c != ' ' && c != '.') {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  public static List<String> suggest(String wrong, Collection<String> candidates) {
    String w = fold(wrong);
    int best = Integer.MAX_VALUE;
    List<String> out = new ArrayList<>();
    for (String c : candidates) {
      String f = fold(c);
      // Within a third of the longer name, or no suggestion: commons-text gives -1 past the
      // threshold.
      int d = new DamerauLevenshteinDistance(Math.max(w.length(), f.length()) / 3).apply(w, f);
      if (d < 0) {
        continue;
      }
      if (d < best) {
        best = d;
        out.clear();
      }
      if (d == best) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Edits plus transpositions of neighbours, each substring edited once (commons-text's
   * Damerau-Levenshtein).
   */
  static int distance(String a, String b) {
    return UNLIMITED.apply(a, b);
  }
}
