package dev.flowlint.check;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.payload.TemplateJsonParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Withdraws rename fixes that would give an object a key it already has (or that another rename in
 * the same object already takes): a fix must never create a duplicate key. The finding stays, with
 * a help line saying why it is not fixed automatically.
 */
final class RenameConflicts {
  private RenameConflicts() {}

  static List<Diagnostic> withdraw(JsonValue root, List<Diagnostic> diagnostics) {
    if (!anyFix(diagnostics)) {
      return diagnostics;
    }
    Map<Integer, JObject> parentOfKey = new HashMap<>();
    Deque<JsonValue> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonValue v = todo.pop();
      if (v instanceof JObject o) {
        for (Member m : o.members()) {
          parentOfKey.put(m.key().span().start(), o);
          if (m.value() != v) {
            todo.push(m.value());
          }
        }
      } else if (v instanceof JArray a) {
        a.elements().forEach(todo::push);
      }
    }
    // By identity: a JObject record's own hash walks its whole subtree.
    Map<JObject, Set<String>> taken = new IdentityHashMap<>();
    List<Diagnostic> out = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      Optional<String> conflict = d.fix().flatMap(f -> conflict(f, parentOfKey, taken));
      if (conflict.isPresent()) {
        List<String> help = new ArrayList<>(d.help());
        help.add(
            "not fixed automatically: the object already has the key "
                + Quoting.quote(conflict.get())
                + "; merge the two members by hand");
        out.add(
            new Diagnostic(
                d.rule(),
                d.severity(),
                d.message(),
                d.pointer(),
                d.span(),
                Optional.empty(),
                help));
      } else {
        out.add(d);
      }
    }
    return out;
  }

  private static boolean anyFix(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      if (d.fix().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The key a rename fix would duplicate, if it is a rename and would. */
  private static Optional<String> conflict(
      Fix fix, Map<Integer, JObject> parentOfKey, Map<JObject, Set<String>> taken) {
    JObject parent = parentOfKey.get(fix.span().start());
    if (parent == null) {
      return Optional.empty();
    }
    Optional<Member> renamed =
        parent.members().stream()
            .filter(
                m ->
                    m.key().span().start() == fix.span().start()
                        && m.key().span().end() == fix.span().end())
            .findFirst();
    if (renamed.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> newName =
        TemplateJsonParser.parseStrict(fix.replacement())
            .root()
            .filter(r -> r instanceof JString)
            .map(r -> ((JString) r).value());
    if (newName.isEmpty() || newName.get().equals(renamed.get().key().name())) {
      return Optional.empty();
    }
    Set<String> names =
        taken.computeIfAbsent(
            parent,
            p -> {
              Set<String> s = new HashSet<>();
              p.members().stream()
                  .filter(m -> !m.key().placeholder())
                  .forEach(m -> s.add(m.key().name()));
              return s;
            });
    if (!names.add(newName.get())) {
      return newName;
    }
    return Optional.empty();
  }
}
