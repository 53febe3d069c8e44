package dev.flowlint.payload;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated payload texts: JSON objects of likely keys and values, templates included. */
public final class PayloadGen {
  private PayloadGen() {}

  static final List<String> KEYS = List.of("flowId", "flowVersion", "inputData", "inputs", "flowType", "metadata", "name",
      "Flow.customer_id", "customerId", "customer_id", "Flow.priority", "priority", "Flow.amount", "Flow.express", "Flow.tags",
      "Flow.order", "Flow.due", "Flow", "FLOW.CUSTOMER_ID", "Flow.status", "correlationId", "x", "{{ key }}", "${input.k}",
      "a\"b", "é", "");

  static Arbitrary<String> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.of("1", "-0", "3.5", "1e999999999", "123456789012345678901234567890", "true", "false", "null",
            "\"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\"", "\"7\"", "\"2.0\"", "\"abc\"", "{{ user.id }}", "${input.x}",
            "$!{input.y}", "$esc.jsonString(${input.z})", "\"{{ user.id\"", "\"{{ v }}\"", "\"2024-01-02T03:04:05Z\""),
        Arbitraries.strings().ofMaxLength(8).map(Quoting::quote));
  }

  /** A JSON value, nested at most {@code depth} deep. */
  public static Arbitrary<String> value(int depth) {
    if (depth <= 0) {
      return scalar();
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar()),
        net.jqwik.api.Tuple.of(2, object(depth - 1)),
        net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]")));
  }

  public static Arbitrary<String> object(int depth) {
    Arbitrary<String> member = Combinators.combine(Arbitraries.of(KEYS), value(depth))
        .as((k, v) -> (k.startsWith("{{") || k.startsWith("$") ? k : Quoting.quote(k)) + ": " + v);
    // "{ " and not "{": "{{{ key }}" would open a Handlebars triple-stache, which is ambiguous to any reader.
    return member.list().ofMaxSize(5).map(ms -> "{ " + String.join(",\n  ", ms) + "}");
  }

  /** A launch body, shared-flow body or inputs object, most of them near-valid. */
  public static Arbitrary<String> payload() {
    Arbitrary<String> inputs = object(2);
    return Arbitraries.oneOf(
        inputs.map(i -> "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": " + i + "}"),
        inputs.map(i -> "{\"flowType\": \"workflow\", \"inputs\": " + i + "}"),
        Combinators.combine(inputs, Arbitraries.of("flowType", "inputs", "metadata", "flowVersion", "flowid"))
            .as((i, k) -> "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"" + k + "\": 1, \"inputs\": " + i + "}"),
        object(3));
  }

  /** Text that is JSON-like but may be broken anywhere: a payload cut, with bytes flipped or inserted. */
  public static Arbitrary<String> mangled() {
    return Combinators.combine(payload(), Arbitraries.integers().between(0, 400), Arbitraries.of("", "{{", "}}", "${", "\"", "\\",
        "{", "}", "[", "]", ",", ":", "\uFEFF", "\u0000", "\n", "$input.", "{{{ x }}}", "\uD800")).as((p, cut, insert) -> {
          int at = Math.min(cut, p.length());
          return p.substring(0, at) + insert + p.substring(at, Math.min(p.length(), at + (cut % 3 == 0 ? 0 : p.length())));
        });
  }
}
