package dev.flowlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever two texts, git applies the diff and gets exactly the second text. */
class UnifiedDiffTest {
  @TempDir Path tmp;

  @Test
  void gitAppliesEveryDiffExactly() throws Exception {
    Random random = new Random(15);
    String[] ends = {"\n", "\r\n", "\r"};
    for (int round = 0; round < 40; round++) {
      String end = ends[round % 3];
      List<String> lines = new ArrayList<>();
      int n = random.nextInt(30);
      for (int i = 0; i < n; i++) {
        lines.add("line " + random.nextInt(8));
      }
      List<String> changed = new ArrayList<>(lines);
      for (int e = random.nextInt(4); e >= 0; e--) {
        int at = changed.isEmpty() ? 0 : random.nextInt(changed.size());
        switch (random.nextInt(3)) {
          case 0 -> changed.add(at, "new " + random.nextInt(100));
          case 1 -> {
            if (!changed.isEmpty()) {
              changed.remove(at);
            }
          }
          default -> {
            if (!changed.isEmpty()) {
              changed.set(at, "changed " + random.nextInt(100));
            }
          }
        }
      }
      String before = String.join(end, lines) + (random.nextBoolean() && n > 0 ? end : "");
      String after =
          String.join(end, changed) + (random.nextBoolean() && !changed.isEmpty() ? end : "");
      if (before.equals(after)) {
        assertEquals("", UnifiedDiff.of("f.txt", before, after));
        continue;
      }
      assertEquals(
          after, applied(before, UnifiedDiff.of("f.txt", before, after)), "round " + round);
    }
  }

  /**
   * A file name with a line break or an escape sequence broke the header into two lines (no patch
   * tool could read it) or reached the terminal raw: quoted as git quotes it, git applies it.
   */
  @Test
  void aFileNameWithControlCharactersIsQuotedAsGitQuotesIt() throws Exception {
    String name = "new\nline \u001b]0;x\u0007\"q\\.json";
    String diff = UnifiedDiff.of(name, "{\"a\": 1}\n", "{\"b\": 1}\n");
    assertEquals(
        "--- \"a/new\\nline \\033]0;x\\a\\\"q\\\\.json\"", diff.lines().findFirst().orElse(""));
    assertEquals(false, diff.chars().anyMatch(c -> c == 0x1b || c == 0x07), diff);
    assertEquals("{\"b\": 1}\n", applied("{\"a\": 1}\n", diff, name));
  }

  private String applied(String before, String diff) throws IOException, InterruptedException {
    return applied(before, diff, "f.txt");
  }

  private String applied(String before, String diff, String name)
      throws IOException, InterruptedException {
    Path file = tmp.resolve(name);
    Files.writeString(file, before, StandardCharsets.UTF_8);
    Path patch = tmp.resolve("p.diff");
    Files.writeString(patch, diff, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("git", "apply", patch.toString())
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), said + "\n" + diff);
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
