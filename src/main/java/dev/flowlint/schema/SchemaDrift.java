package dev.flowlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** What changed between the schemas in a directory and freshly made ones, in words, per flow. */
public final class SchemaDrift {
  private SchemaDrift() {}

  /**
   * @param existing the schemas directory, or empty when there is none
   * @param fresh schemas as import/pull would write them now
   * @param wholeOrg whether {@code fresh} covers every flow (so flows missing from it are gone)
   */
  public static List<String> compare(
      Optional<SchemaStore> existing, List<JsonNode> fresh, boolean wholeOrg, Set<String> types)
      throws SchemaStore.StoreException {
    return compare(existing, fresh, wholeOrg, types, e -> true);
  }

  /**
   * @param pulled which schemas of the directory a pull wrote (only those can have left the org)
   */
  public static List<String> compare(
      Optional<SchemaStore> existing,
      List<JsonNode> fresh,
      boolean wholeOrg,
      Set<String> types,
      java.util.function.Predicate<SchemaIndex.Entry> pulled)
      throws SchemaStore.StoreException {
    List<String> out = new ArrayList<>();
    Set<String> seenIds = new TreeSet<>();
    for (JsonNode schema : fresh) {
      FlowSchema now = FlowSchema.of("", schema);
      now.id().ifPresent(seenIds::add);
      Optional<FlowSchema> before = Optional.empty();
      if (existing.isPresent()) {
        before = now.id().isPresent() ? existing.get().byId(now.id().get()) : Optional.empty();
        if (before.isEmpty()) {
          before = sameType(existing.get(), now);
        }
      }
      if (before.isEmpty()) {
        out.add(
            "flow \""
                + now.name()
                + "\": new, not in the schemas directory ("
                + now.inputs().size()
                + " inputs)");
        continue;
      }
      out.addAll(differences(before.get(), now));
    }
    if (existing.isPresent() && wholeOrg) {
      for (SchemaIndex.Entry e : existing.get().entries()) {
        if (e.flowId().isPresent()
            && !seenIds.contains(e.flowId().get())
            && (types.isEmpty() || types.contains(e.flowType()))
            && pulled.test(e)) {
          out.add(
              "flow \"" + e.flowName() + "\": in the schemas directory but no longer in the org");
        }
      }
    }
    return out;
  }

  /** The flow of this name and type: a flow of another type that shares the name is another. */
  private static Optional<FlowSchema> sameType(SchemaStore existing, FlowSchema now)
      throws SchemaStore.StoreException {
    try {
      return existing
          .byName(now.name(), now.type()::equals)
          .filter(b -> b.type().equals(now.type()));
    } catch (SchemaStore.AmbiguousFlow e) {
      return Optional.empty();
    }
  }

  static List<String> differences(FlowSchema before, FlowSchema now) {
    List<String> out = new ArrayList<>();
    String flow = "flow \"" + now.name() + "\": ";
    if (!before.name().equals(now.name())) {
      out.add(flow + "renamed from \"" + before.name() + "\"");
    }
    for (String input : now.inputs().keySet()) {
      if (!before.inputs().containsKey(input)) {
        out.add(
            flow
                + "input "
                + input
                + " added ("
                + now.architectType(input)
                + (now.required().contains(input) ? ", required" : "")
                + ")");
      } else if (!Objects.equals(before.architectType(input), now.architectType(input))) {
        out.add(
            flow
                + "input "
                + input
                + " changed type from "
                + before.architectType(input)
                + " to "
                + now.architectType(input));
      }
      if (before.inputs().containsKey(input)
          && before.required().contains(input) != now.required().contains(input)) {
        out.add(
            flow
                + "input "
                + input
                + " is now "
                + (now.required().contains(input) ? "required" : "optional"));
      }
    }
    for (String input : before.inputs().keySet()) {
      if (!now.inputs().containsKey(input)) {
        out.add(flow + "input " + input + " removed");
      }
    }
    return out;
  }

  /**
   * Keyword changes inside inputs' schemas between a schema file and what import would write now
   * (with flowlint.yaml's constraints merged): a keyword someone added, changed or removed by hand,
   * or one flowlint.yaml no longer gives. A keyword that flowlint.yaml gives and the file shows is
   * no drift. For {@code import --check}; {@code pull --check} compares names, types and required.
   */
  public static List<String> keywordDifferences(FlowSchema before, FlowSchema now) {
    List<String> out = new ArrayList<>();
    JsonNode fromConfig = now.document().path("x-flowlint").path("fromConfig");
    for (String input : now.inputs().keySet()) {
      JsonNode was = before.inputs().get(input);
      JsonNode is = now.inputs().get(input);
      if (was == null || was.equals(is)) {
        continue;
      }
      Set<String> keys = new TreeSet<>();
      keywords(was, is, "", keys);
      for (String k : keys) {
        boolean config = false;
        for (JsonNode c : fromConfig.path(input)) {
          config |= k.equals(c.asString()) || k.equals("items." + c.asString());
        }
        out.add(
            "flow \""
                + now.name()
                + "\": input "
                + input
                + ": "
                + k
                + (config
                    ? " differs from what flowlint.yaml sets"
                    : " differs from the flow's definition (edited by hand?)"));
      }
    }
    return out;
  }

  private static void keywords(JsonNode was, JsonNode is, String prefix, Set<String> out) {
    Set<String> names = new TreeSet<>();
    was.propertyNames().forEach(names::add);
    is.propertyNames().forEach(names::add);
    for (String k : names) {
      if (k.equals("items") && was.path(k).isObject() && is.path(k).isObject()) {
        keywords(was.path(k), is.path(k), prefix + "items.", out);
      } else if (!was.path(k).equals(is.path(k))) {
        out.add(prefix + k);
      }
    }
  }
}
