package dev.flowlint.check;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JNumber;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Values JSON allows but Genesys cannot take (DESIGN.md §1): an Integer beyond the archInteger
 * range of ±999,999,999,999,999, a Decimal no 64-bit floating-point number can hold (1e999999999),
 * a flowVersion that is not digits and dots, and an unterminated {{ placeholder inside a string,
 * which no template engine renders.
 */
final class ValueLimits {
  static final BigDecimal ARCH_INTEGER_MAX = new BigDecimal("999999999999999");
  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  private ValueLimits() {}

  /** Each input of {@code inputs} whose number is out of its Architect type's range. */
  static void numbers(
      JObject inputs, FlowSchema flow, boolean bare, String pointer, Findings findings) {
    for (Member m : inputs.members()) {
      if (m.key().placeholder() || !(m.value() instanceof JNumber || m.value() instanceof JArray)) {
        continue; // only numbers, alone or in a collection, have limits here
      }
      String name = bare ? flow.scope() + "." + m.key().name() : m.key().name();
      JsonNode prop = flow.inputs().get(name);
      if (prop == null) {
        continue;
      }
      String ptr = pointer + "/" + Quoting.pointerToken(m.key().name());
      if (m.value() instanceof JArray a && "array".equals(prop.path("type").asString(""))) {
        for (int i = 0; i < a.elements().size(); i++) {
          number(
              name + "[" + i + "]",
              kind(prop.path("items"), ""),
              a.elements().get(i),
              ptr + "/" + i,
              findings);
        }
      } else {
        number(name, kind(prop, flow.architectType(name)), m.value(), ptr, findings);
      }
    }
  }

  private static String kind(JsonNode schema, String genesysType) {
    String type = schema.path("type").asString("");
    if (type.equals("integer") || genesysType.equals("Integer")) {
      return "integer";
    }
    if (type.equals("number") || genesysType.equals("Decimal")) {
      return "number";
    }
    return "";
  }

  private static void number(
      String name, String kind, JsonValue value, String pointer, Findings findings) {
    if (kind.isEmpty() || !(value instanceof JNumber n) || alreadyReported(findings, n.span())) {
      return;
    }
    Optional<BigDecimal> v = parse(n.text());
    if (kind.equals("integer") && beyondInteger(n.text())) {
      beyondInteger(name, shortText(n.text()), pointer, n.span(), findings);
    } else if (kind.equals("number") && (v.isEmpty() || Double.isInfinite(v.get().doubleValue()))) {
      findings.add(
          Rule.INPUT_TYPE,
          name
              + " is a Decimal, and "
              + shortText(n.text())
              + " is beyond the range of a 64-bit floating-point number",
          pointer,
          n.span(),
          "a Decimal is read as a double; this value would be infinite");
    }
  }

  /** Whether the number {@code text} lies outside an Architect Integer's range. */
  static boolean beyondInteger(String text) {
    Optional<BigDecimal> v = parse(text);
    return v.isEmpty() || v.get().abs().compareTo(ARCH_INTEGER_MAX) > 0;
  }

  /**
   * @param shown the value as the message shows it: the number, or the string that stands for it
   */
  static void beyondInteger(
      String name, String shown, String pointer, Span span, Findings findings) {
    findings.add(
        Rule.INPUT_TYPE,
        name + " is an Integer, and " + shown + " is beyond its range of ±999,999,999,999,999",
        pointer,
        span,
        "Genesys rejects an Architect Integer outside ±999,999,999,999,999");
  }

  private static Optional<BigDecimal> parse(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty(); // an exponent beyond any int: out of every range
    }
  }

  static String shortText(String text) {
    return text.length() > 40
        ? text.substring(0, 20) + "..." + " (" + text.length() + " characters)"
        : text;
  }

  /**
   * One finding per value: a wrong type, or a bound the schema carries (imported Integer schemas
   * hold the ±999,999,999,999,999 range, reported as input-constraint), is not said twice.
   */
  private static boolean alreadyReported(Findings findings, Span span) {
    for (Diagnostic d : findings.list()) {
      if ((d.rule() == Rule.INPUT_TYPE || d.rule() == Rule.INPUT_CONSTRAINT)
          && d.span().start() == span.start()) {
        return true;
      }
    }
    return false;
  }

  /**
   * flowVersion is a string of digits and dots ("2", "1.0"); a placeholder inside it is not judged.
   */
  static void flowVersion(JString s, Findings findings) {
    String v = s.value();
    if (v.contains("{{") || v.contains("$") || VERSION.matcher(v).matches()) {
      return;
    }
    findings.add(
        Rule.FIELD_TYPE,
        "flowVersion must be a version of digits and dots such as \"2\" or \"1.0\", got "
            + s.describe(),
        "/flowVersion",
        s.span(),
        "omit flowVersion to run the latest published version");
  }

  /** Strings and keys holding a {{ with no }} after it: the template will not render. */
  static void unterminatedPlaceholders(
      JsonValue root, TextLines lines, String text, Findings findings) {
    if (text.indexOf("{{") < 0 && text.indexOf("\\u") < 0) {
      return; // no "{{" anywhere, written or escaped: nothing to look for (the common case)
    }
    Deque<JsonValue> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonValue v = todo.pop();
      if (v instanceof JObject o) {
        for (Member m : o.members()) {
          if (!m.key().placeholder()) {
            unterminated(m.key().name(), m.key().span(), lines, text, findings);
          }
          if (m.value() != v) {
            todo.push(m.value());
          }
        }
      } else if (v instanceof JArray a) {
        a.elements().forEach(todo::push);
      } else if (v instanceof JString s) {
        unterminated(s.value(), s.span(), lines, text, findings);
      }
    }
  }

  private static void unterminated(
      String value, Span span, TextLines lines, String text, Findings findings) {
    int open = value.lastIndexOf("{{");
    if (open < 0 || value.indexOf("}}", open + 2) >= 0) {
      return;
    }
    // Point at the {{ in the source token (escapes never contain braces, so it is found as
    // written).
    int at = text.lastIndexOf("{{", span.end());
    Span where = at >= span.start() ? lines.span(at, Math.min(at + 2, span.end())) : span;
    String shown = value.substring(open, Math.min(value.length(), open + 30));
    findings.add(
        Rule.INVALID_JSON,
        "unterminated placeholder "
            + Quoting.quote(shown)
            + ": \"}}\" is missing, so the template will not render",
        "",
        where,
        "close the placeholder with }}");
  }
}
