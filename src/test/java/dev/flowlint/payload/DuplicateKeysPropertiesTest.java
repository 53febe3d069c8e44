package dev.flowlint.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.Properties;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every repeated key of generated nested payloads, with its pointer and first occurrence, as a
 * plain recursive walk finds them: the walk that runs on every payload builds pointers only where
 * it needs them.
 */
class DuplicateKeysPropertiesTest {
  private static final List<String> KEYS = List.of("a", "b", "a/b", "m~n", "{{ k }}", "Flow.x");

  @Test
  void repeatsAsAPlainWalkFindsThem() {
    Properties.forAll(
        "duplicate keys == plain walk",
        3000,
        r -> value(r, 0),
        text -> {
          JsonValue root = TemplateJsonParser.parse(text).root().orElseThrow();
          List<String> expected = new ArrayList<>();
          List<Member[]> found = new ArrayList<>();
          plain(root, "", found, expected);
          List<String> sortedExpected = new ArrayList<>();
          found.stream()
              .sorted(Comparator.comparingInt(f -> f[0].key().span().start()))
              .forEach(f -> sortedExpected.add(expected.get(found.indexOf(f))));
          List<String> actual =
              DuplicateKeys.find(root).stream()
                  .map(
                      d ->
                          d.pointer()
                              + " first at "
                              + d.first().key().span().start()
                              + " repeat at "
                              + d.member().key().span().start())
                  .toList();
          assertEquals(sortedExpected, actual, text);
        });
  }

  private static void plain(JsonValue v, String ptr, List<Member[]> found, List<String> out) {
    if (v instanceof JObject o) {
      List<Member> before = new ArrayList<>();
      for (Member m : o.members()) {
        // A member spread ({ ${input.extra} }) has no key; every other key counts as written.
        if (m.key().placeholder()
            && m.value() instanceof JsonValue.JPlaceholder p
            && p.span().equals(m.key().span())) {
          continue;
        }
        String child = ptr + "/" + Quoting.pointerToken(m.key().name());
        Member first =
            before.stream()
                .filter(b -> b.key().name().equals(m.key().name()))
                .findFirst()
                .orElse(null);
        if (first != null) {
          found.add(new Member[] {m, first});
          out.add(
              child
                  + " first at "
                  + first.key().span().start()
                  + " repeat at "
                  + m.key().span().start());
        }
        before.add(m);
        plain(m.value(), child, found, out);
      }
    } else if (v instanceof JArray a) {
      for (int i = 0; i < a.elements().size(); i++) {
        plain(a.elements().get(i), ptr + "/" + i, found, out);
      }
    }
  }

  private static String value(Random r, int depth) {
    int kind = depth > 3 ? r.nextInt(3) : r.nextInt(6);
    return switch (kind) {
      case 0 -> "1";
      case 1 -> "\"s\"";
      case 2 -> "null";
      case 3 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < r.nextInt(4); i++) {
          b.append(i == 0 ? "" : ", ").append(value(r, depth + 1));
        }
        yield b.append(']').toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("{ ");
        for (int i = 0; i < r.nextInt(6); i++) {
          String key = Properties.pick(r, KEYS);
          b.append(i == 0 ? "" : ", ")
              .append(key.startsWith("{{") ? key : "\"" + key + "\"")
              .append(": ")
              .append(value(r, depth + 1));
        }
        yield b.append('}').toString();
      }
    };
  }
}
