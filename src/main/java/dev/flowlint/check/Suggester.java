package dev.flowlint.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Did-you-mean for input names (DESIGN.md §4). Names are compared without their scope and with
 * case and separators folded ({@code customerId}, {@code CUSTOMER_ID} → {@code customerid}); then
 * by Damerau-Levenshtein distance within a third of the longer folded name. Every candidate tied
 * for best is offered; none rather than a wrong one.
 */
public final class Suggester {
  private Suggester() {}

  public static String fold(String name) {
    String bare = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
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
      int d = distance(w, f);
      if (d > Math.max(w.length(), f.length()) / 3) {
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

  /** Optimal string alignment distance: edits plus transpositions of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
