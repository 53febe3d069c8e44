package dev.flowlint.fix;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, by lines, with three lines of context, as git shows it. */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_CELLS = 25_000_000L;

  private UnifiedDiff() {}

  private record Edit(char op, String line, int oldNo, int newNo) {}

  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> edits = edits(a, b);
    String shown = path.startsWith("/") ? path.substring(1) : path;
    StringBuilder out = new StringBuilder("--- a/").append(shown).append("\n+++ b/").append(shown).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < edits.size() && (edits.get(end).op() != ' ' || end - lastChange <= 2 * CONTEXT)) {
        if (edits.get(end).op() != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      hunk(edits.subList(start, end), out);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(List<Edit> edits, StringBuilder out) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : edits) {
      if (e.op() != '+') {
        if (oldCount++ == 0) {
          oldStart = e.oldNo();
        }
      }
      if (e.op() != '-') {
        if (newCount++ == 0) {
          newStart = e.newNo();
        }
      }
    }
    if (oldCount == 0) {
      oldStart = edits.get(0).oldNo() - 1;
    }
    if (newCount == 0) {
      newStart = edits.get(0).newNo() - 1;
    }
    out.append("@@ -").append(oldStart).append(',').append(oldCount)
        .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
    for (Edit e : edits) {
      out.append(e.op()).append(e.line().replaceAll("\r?\n$", "")).append('\n');
      if (!e.line().endsWith("\n")) {
        out.append("\\ No newline at end of file\n");
      }
    }
  }

  /** Lines with their line ends kept. */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    List<Edit> out = new ArrayList<>();
    if ((long) n * m > MAX_CELLS) {
      // Too large to align cheaply: one hunk that replaces everything.
      for (int i = 0; i < n; i++) {
        out.add(new Edit('-', a.get(i), i + 1, 1));
      }
      for (int j = 0; j < m; j++) {
        out.add(new Edit('+', b.get(j), n + 1, j + 1));
      }
      return out;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        out.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        out.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      } else {
        out.add(new Edit('-', a.get(i), i + 1, j + 1));
        i++;
      }
    }
    return out;
  }
}
