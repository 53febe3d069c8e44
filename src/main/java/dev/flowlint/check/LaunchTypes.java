package dev.flowlint.check;

import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a data action's launch body sends each flow input. A contract input put whole into an input
 * value renders as the contract's JSON type (inside quotes: a string); the launch check sees only a
 * placeholder there, so the types are compared here. A definite mismatch is an error; a string that
 * Genesys converts only when it holds the right text, a warning.
 */
final class LaunchTypes {
  private static final Set<String> TEXT = Set.of("String", "Date", "DateTime", "Time", "Duration");

  private LaunchTypes() {}

  /**
   * @param inputTypes the launched flow's inputs: scoped name → Architect type
   */
  static void check(
      TemplateLinter.Context c,
      JObject body,
      Map<String, String> inputTypes,
      List<TemplateLinter.Reference> refs) {
    Optional<Member> data = body.member("inputData");
    if (data.isEmpty() || !(data.get().value() instanceof JObject inputs)) {
      return;
    }
    for (Member m : inputs.members()) {
      String type = inputTypes.get(m.key().name());
      if (m.key().placeholder() || type == null || !(m.value() instanceof JPlaceholder p)) {
        continue; // literal values are the launch check's; unknown names it reports
      }
      Optional<String> input = onlyInput(p, refs);
      String contractType = input.map(c.contract()::get).orElse(null);
      if (contractType == null || contractType.equals("null")) {
        continue;
      }
      String sent = p.quoted() ? "string" : contractType;
      if (!p.quoted() && contractType.equals("string")) {
        continue; // a string inserted as raw JSON: reported as not checkable
      }
      verdict(type, sent)
          .ifPresent(
              v ->
                  c.findings()
                      .add(
                          Rule.INPUT_TYPE,
                          v.severity(),
                          "in the request template: "
                              + m.key().name()
                              + " is an Architect "
                              + type
                              + ", but "
                              + c.body().text().substring(p.span().start(), p.span().end())
                              + " sends the contract's "
                              + contractType
                              + " input "
                              + Quoting.quote(input.get())
                              + (p.quoted() ? " as a string" : "")
                              + v.why(),
                          "",
                          c.span(c.body(), p.span().start(), p.span().end()),
                          Optional.empty(),
                          List.of("make the contract input's type match the flow input's")));
    }
  }

  private record Verdict(Severity severity, String why) {}

  /** What Genesys makes of a value of JSON type {@code sent} for an input of Architect type. */
  private static Optional<Verdict> verdict(String type, String sent) {
    if (type.endsWith("Collection")) {
      return sent.equals("array")
          ? Optional.empty()
          : Optional.of(new Verdict(Severity.ERROR, ": a collection takes a JSON array"));
    }
    String error = ": it takes " + json(type);
    if (TEXT.contains(type)) {
      return sent.equals("string")
          ? Optional.empty()
          : Optional.of(new Verdict(Severity.ERROR, error));
    }
    return switch (type) {
      case "Integer", "Decimal", "Boolean" -> {
        if (sent.equals("string")) {
          yield Optional.of(
              new Verdict(
                  Severity.WARNING,
                  ": Genesys converts it only when the text holds " + json(type) + ", else fails"));
        }
        boolean fits =
            type.equals("Boolean")
                ? sent.equals("boolean")
                : sent.equals("integer") || (type.equals("Decimal") && sent.equals("number"));
        if (fits) {
          yield Optional.empty();
        }
        yield type.equals("Integer") && sent.equals("number")
            ? Optional.of(
                new Verdict(Severity.WARNING, ": a number with a fraction is not an Integer"))
            : Optional.of(new Verdict(Severity.ERROR, error));
      }
      case "Json" ->
          sent.equals("object")
              ? Optional.empty()
              : Optional.of(new Verdict(Severity.ERROR, error));
      default -> Optional.empty(); // a type flowlint does not know: nothing to say
    };
  }

  private static String json(String type) {
    return switch (type) {
      case "Integer" -> "an integer";
      case "Decimal" -> "a number";
      case "Boolean" -> "true or false";
      case "Json" -> "an object";
      default -> "a string";
    };
  }

  /** The one contract input a placeholder value consists of, if it is exactly one. */
  private static Optional<String> onlyInput(JPlaceholder p, List<TemplateLinter.Reference> refs) {
    Optional<String> found = Optional.empty();
    int count = 0;
    for (TemplateLinter.Reference r : refs) {
      if (p.span().start() <= r.start() && r.end() <= p.span().end()) {
        count++;
        found = r.input();
      }
    }
    return count == 1 ? found : Optional.empty();
  }
}
