package dev.flowlint.payload;

import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keys repeated within one object, anywhere in a payload, as written (placeholder keys too). */
public final class DuplicateKeys {
  private DuplicateKeys() {}

  /**
   * One repeated member.
   *
   * @param pointer JSON Pointer of the repeated member
   * @param first the member with that key that came first
   */
  public record Repeat(Member member, Member first, String pointer) {}

  public static List<Repeat> find(JsonValue root) {
    List<Repeat> out = new ArrayList<>();
    // Iterative, so a deeply nested payload cannot overflow the stack.
    Deque<Object[]> todo = new ArrayDeque<>();
    todo.push(new Object[] {root, ""});
    while (!todo.isEmpty()) {
      Object[] next = todo.pop();
      JsonValue v = (JsonValue) next[0];
      String ptr = (String) next[1];
      if (v instanceof JObject o) {
        // Pointers are built only for what needs one (a repeat, a container to descend into):
        // this runs on every payload.
        Map<String, Member> seen = o.members().size() > 1 ? new HashMap<>() : null;
        for (Member m : o.members()) {
          if (spread(m)) {
            continue;
          }
          Member first = seen == null ? null : seen.putIfAbsent(m.key().name(), m);
          boolean container = m.value() instanceof JObject || m.value() instanceof JArray;
          if (first == null && !container) {
            continue;
          }
          String childPtr = ptr + "/" + Quoting.pointerToken(m.key().name());
          if (first != null) {
            out.add(new Repeat(m, first, childPtr));
          }
          if (container) {
            todo.push(new Object[] {m.value(), childPtr});
          }
        }
      } else if (v instanceof JArray a) {
        for (int i = 0; i < a.elements().size(); i++) {
          JsonValue e = a.elements().get(i);
          if (e instanceof JObject || e instanceof JArray) {
            todo.push(new Object[] {e, ptr + "/" + i});
          }
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(r -> r.member().key().span().start()));
    return out;
  }

  /**
   * A placeholder standing for whole members ({@code { ${input.extra} }}): no key of its own. A key
   * that is (or holds) a placeholder is compared as written: the same text renders the same key.
   */
  static boolean spread(Member m) {
    return m.key().placeholder()
        && m.value() instanceof JsonValue.JPlaceholder p
        && p.span().equals(m.key().span());
  }

  /** How many keys are repeated in the text's objects; 0 when it does not parse. */
  public static int count(String text) {
    return TemplateJsonParser.parse(text).root().map(r -> find(r).size()).orElse(0);
  }
}
