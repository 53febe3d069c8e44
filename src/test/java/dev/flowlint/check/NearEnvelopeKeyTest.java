package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.Properties;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which keys make an unnamed file a payload with a misspelt envelope, not a file to skip. */
class NearEnvelopeKeyTest {
  private static final List<String> KEYS =
      List.of("flowId", "flowVersion", "inputData", "flowType", "inputs");

  /** Case, separators, spaces and invisible characters anywhere in an envelope key. */
  @Test
  void everyFoldedSpellingOfAnEnvelopeKeyIsNear() {
    Properties.forAll(
        "folded envelope keys are near",
        3000,
        r -> disguise(r, Properties.pick(r, KEYS)),
        key -> assertTrue(NonPayloads.nearEnvelopeKey(key).isPresent(), key));
  }

  /** One letter dropped, added, changed or swapped in the longer keys. */
  @Test
  void oneEditFromALongerEnvelopeKeyIsNear() {
    Properties.forAll(
        "one edit from a longer envelope key is near",
        3000,
        r -> edit(r, Properties.pick(r, List.of("flowId", "flowVersion", "inputData", "flowType"))),
        key -> assertTrue(NonPayloads.nearEnvelopeKey(key).isPresent(), key));
  }

  @Test
  void keysOfOtherJsonFilesAreNotNear() {
    for (String key :
        List.of(
            "name",
            "version",
            "scripts",
            "input",
            "output",
            "outputs",
            "flow",
            "type",
            "id",
            "dependencies",
            "compilerOptions",
            "data",
            "flows",
            "inputDataSchema",
            "flowName")) {
      assertFalse(NonPayloads.nearEnvelopeKey(key).isPresent(), key);
    }
  }

  private static String disguise(Random r, String key) {
    StringBuilder out = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (r.nextInt(4) == 0) {
        out.append(Properties.pick(r, List.of("_", "-", " ", "\u200b", "\u00a0")));
      }
      out.append(r.nextBoolean() ? c : Character.toUpperCase(c));
    }
    if (r.nextBoolean()) {
      out.append(' ');
    }
    return r.nextInt(5) == 0 ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
  }

  private static String edit(Random r, String key) {
    StringBuilder k = new StringBuilder(key);
    int at = r.nextInt(k.length() - 1);
    switch (r.nextInt(4)) {
      case 0 -> k.deleteCharAt(at);
      case 1 -> k.insert(at, (char) ('a' + r.nextInt(26)));
      case 2 -> k.setCharAt(at, (char) ('a' + r.nextInt(26)));
      default -> {
        char c = k.charAt(at);
        k.setCharAt(at, k.charAt(at + 1));
        k.setCharAt(at + 1, c);
      }
    }
    return k.toString();
  }
}
