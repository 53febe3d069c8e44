package dev.flowlint.payload;

import dev.flowlint.Properties;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated payload texts: JSON objects of likely keys and values, templates included. */
public final class PayloadGen {
  private PayloadGen() {}

  static final List<String> KEYS =
      List.of(
          "flowId",
          "flowVersion",
          "inputData",
          "inputs",
          "flowType",
          "metadata",
          "name",
          "Flow.customer_id",
          "customerId",
          "customer_id",
          "Flow.priority",
          "priority",
          "Flow.amount",
          "Flow.express",
          "Flow.tags",
          "Flow.order",
          "Flow.due",
          "Flow",
          "FLOW.CUSTOMER_ID",
          "Flow.status",
          "correlationId",
          "x",
          "{{ key }}",
          "${input.k}",
          "a\"b",
          "é",
          "",
          "Common.ani",
          "ani",
          "Common.identifierType");

  static final List<String> SCALARS =
      List.of(
          "1",
          "-0",
          "3.5",
          "1e999999999",
          "123456789012345678901234567890",
          "true",
          "false",
          "null",
          "\"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\"",
          "\"7\"",
          "\"2.0\"",
          "\"abc\"",
          "{{ user.id }}",
          "${input.x}",
          "$!{input.y}",
          "$esc.jsonString(${input.x})",
          "\"{{ user.id\"",
          "\"{{ v }}\"",
          "\"{{ user[\"id\"] }}\"",
          "\"id-{{ m['k'] ~ \"x\" }}\"",
          "\"2024-01-02T03:04:05Z\"");

  static String scalar(Random r) {
    return r.nextInt(4) == 0 ? Quoting.quote(Properties.string(r, 8)) : Properties.pick(r, SCALARS);
  }

  /** A JSON value, nested at most {@code depth} deep. */
  public static String value(Random r, int depth) {
    int k = depth <= 0 ? 0 : r.nextInt(6);
    if (k < 3) {
      return scalar(r);
    }
    if (k < 5) {
      return object(r, depth - 1);
    }
    List<String> items = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      items.add(value(r, depth - 1));
    }
    return "[" + String.join(", ", items) + "]";
  }

  public static String object(Random r, int depth) {
    List<String> members = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      String key = Properties.pick(r, KEYS);
      members.add(
          (key.startsWith("{{") || key.startsWith("$") ? key : Quoting.quote(key))
              + ": "
              + value(r, depth));
    }
    // "{ " and not "{": "{{{ key }}" would open a Handlebars triple-stache, which is ambiguous to
    // any reader.
    return "{ " + String.join(",\n  ", members) + "}";
  }

  /** A launch body, shared-flow body or inputs object, most of them near-valid. */
  public static String payload(Random r) {
    String inputs = object(r, 2);
    return switch (r.nextInt(4)) {
      case 0 ->
          "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"inputData\": " + inputs + "}";
      case 1 -> "{\"flowType\": \"workflow\", \"inputs\": " + inputs + "}";
      case 2 ->
          "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \""
              + Properties.pick(
                  r, List.of("flowType", "inputs", "metadata", "flowVersion", "flowid"))
              + "\": 1, \"inputs\": "
              + inputs
              + "}";
      default -> object(r, 3);
    };
  }

  static final List<String> INSERTS =
      List.of(
          "",
          "{{",
          "}}",
          "${",
          "\"",
          "\\",
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\uFEFF",
          "\u0000",
          "\n",
          "$input.",
          "{{{ x }}}",
          "\uD800");

  /** Text that is JSON-like but may be broken anywhere: a payload cut, with something inserted. */
  public static String mangled(Random r) {
    String p = payload(r);
    int at = r.nextInt(p.length() + 1);
    String rest = r.nextInt(3) == 0 ? "" : p.substring(at);
    return p.substring(0, at) + Properties.pick(r, INSERTS) + rest;
  }
}
