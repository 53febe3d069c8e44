package dev.flowlint.check;

import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Integer input given as a string of digits. Genesys converts the string, so it is judged as the
 * number it stands for: the schema's bounds on numbers (which a string's branch does not carry) and
 * the Architect range apply to it. A string whose number passes is a warning whose fix writes the
 * number; one whose number fails gets the number's error and no fix, so --fix never writes a
 * failing value.
 */
final class IntegerStrings {
  private IntegerStrings() {}

  /**
   * A digit string of one input.
   *
   * @param index its place in a collection, or -1 for the input's own value
   * @param place its instance location, as schema errors name it
   */
  private record Digits(String key, InputsChecker.Slot slot, int index, String place, JString s) {
    String suffix() {
      return index < 0 ? "" : "[" + index + "]";
    }
  }

  /**
   * @param instance the inputs as validated, each digit string still a string
   * @param atValues the errors the instance gave, by instance location
   * @param validate the flow's schema, run on a changed copy of the instance
   */
  static void check(
      Map<String, InputsChecker.Slot> slots,
      FlowSchema flow,
      ObjectNode instance,
      Map<String, List<SchemaError>> atValues,
      Function<JsonNode, List<SchemaError>> validate,
      Findings findings) {
    List<Digits> found = new ArrayList<>();
    for (Digits d : strings(slots, flow, atValues.keySet())) {
      if (ValueErrors.INTEGER_TEXT.matcher(d.s().value()).matches()) {
        found.add(d);
      } else {
        notInteger(d, flow, findings);
      }
    }
    if (found.isEmpty()) {
      return; // the common case: no second validation
    }
    // Every digit string becomes its number at once, as --fix would write them all.
    ObjectNode asNumbers = instance.deepCopy();
    for (Digits d : found) {
      JsonNode number = ValueErrors.numberNode(d.s().value(), true);
      if (d.index() < 0) {
        asNumbers.set(d.key(), number);
      } else {
        ((ArrayNode) asNumbers.get(d.key())).set(d.index(), number);
      }
    }
    Map<String, List<SchemaError>> after =
        validate.apply(asNumbers).stream()
            .collect(
                Collectors.groupingBy(
                    SchemaError::pointer, LinkedHashMap::new, Collectors.toList()));
    for (Digits d : found) {
      report(d, flow, after, atValues, findings);
    }
  }

  /**
   * A string holding no integer where the schema took it: the platform's archInteger has a string
   * branch of 1-16 characters and no pattern, so "abc" passes its schema, yet Genesys cannot
   * convert it. The same error as the pattern of an imported Integer gives.
   */
  private static void notInteger(Digits d, FlowSchema flow, Findings findings) {
    findings.add(
        Rule.INPUT_TYPE,
        d.slot().shown() + d.suffix() + " expects an integer, got " + d.s().describe(),
        d.slot().pointer() + (d.index() < 0 ? "" : "/" + d.index()),
        d.s().span(),
        Optional.empty(),
        ValueErrors.help(flow.architectType(d.key())));
  }

  /**
   * Every string given for an Integer input (or an element of an IntegerCollection) that the schema
   * took as it is. An array given for one Integer is a type error already: its elements are not
   * looked at.
   */
  private static List<Digits> strings(
      Map<String, InputsChecker.Slot> slots, FlowSchema flow, Set<String> errorPlaces) {
    List<Digits> out = new ArrayList<>();
    for (Map.Entry<String, InputsChecker.Slot> e : slots.entrySet()) {
      String type = flow.architectType(e.getKey());
      if (!type.equals("Integer") && !type.equals("IntegerCollection")) {
        continue;
      }
      JsonValue v = e.getValue().member().value();
      String at = "/" + Quoting.pointerToken(e.getKey());
      if (type.equals("IntegerCollection") && v instanceof JsonValue.JArray a) {
        for (int i = 0; i < a.elements().size(); i++) {
          String place = at + "/" + i;
          if (a.elements().get(i) instanceof JString s && !errorPlaces.contains(place)) {
            out.add(new Digits(e.getKey(), e.getValue(), i, place, s));
          }
        }
      } else if (v instanceof JString s && !errorPlaces.contains(at)) {
        out.add(new Digits(e.getKey(), e.getValue(), -1, at, s));
      }
    }
    return out;
  }

  private static void report(
      Digits d,
      FlowSchema flow,
      Map<String, List<SchemaError>> after,
      Map<String, List<SchemaError>> before,
      Findings findings) {
    String where = d.slot().shown() + d.suffix();
    String pointer = d.slot().pointer() + (d.index() < 0 ? "" : "/" + d.index());
    String type = flow.architectType(d.key());
    List<SchemaError> errors = after.getOrDefault(d.place(), List.of());
    List<SchemaError> bounds = errors.stream().filter(e -> !e.keyword().equals("type")).toList();
    if (!bounds.isEmpty()) {
      // What the number would be told (must be at most ...), said of the string that stands for it.
      ValueErrors.report(where, type, pointer, d.s(), errors, flow.document(), findings);
      return;
    }
    if (!errors.isEmpty()) {
      return; // the schema takes no number here, only the string: nothing to convert
    }
    if (ValueLimits.beyondInteger(d.s().value())) {
      ValueLimits.beyondInteger(
          where,
          Quoting.quote(ValueLimits.shortText(d.s().value())),
          pointer,
          d.s().span(),
          findings);
      return;
    }
    // A collection whose numbers break a rule of the whole (uniqueItems): no fix for its strings.
    String whole = "/" + Quoting.pointerToken(d.key());
    boolean wholeBreaks =
        d.index() >= 0
            && after.getOrDefault(whole, List.of()).size()
                > before.getOrDefault(whole, List.of()).size();
    findings.add(
        Rule.INPUT_TYPE,
        Severity.WARNING,
        where
            + " is an Integer given as the string "
            + Quoting.quote(d.s().value())
            + ": Genesys converts it, but send the number",
        pointer,
        d.s().span(),
        wholeBreaks ? Optional.empty() : ValueErrors.unquoteFix("an integer", d.s()),
        ValueErrors.help(type));
  }
}
