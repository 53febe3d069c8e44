package dev.flowlint.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Terraform placeholders in a callee's name ({@code {{common_module_name}}}, {@code
 * ${prefix}-data-action}) through flowlint.yaml's {@code templates:} values.
 */
final class CalleeNames {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([^{}\\s]*)\\s*\\}\\}|\\$\\{\\s*([^{}\\s]*)\\s*\\}");

  private CalleeNames() {}

  /** The placeholders' names in order: {@code {{a}}-{{b}}} → [a, b]. */
  static List<String> placeholders(String name) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(name);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }

  /** The name with every placeholder replaced, or empty when one has no value. */
  static Optional<String> resolve(String name, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(name);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1) != null ? m.group(1) : m.group(2));
      if (value == null) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }
}
