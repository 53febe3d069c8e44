package dev.flowlint.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides Terraform/Handlebars {@code {{name}}} substitutions from the YAML parser and brings them
 * back afterwards. Unquoted, {@code {{x}}} is a YAML flow mapping with a mapping key, which fails;
 * private-use characters of the same length keep every line and column where it was.
 */
final class TemplatePlaceholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}\\n]*)\\}\\}");
  private static final String OPEN = "\uE000\uE000";
  private static final String CLOSE = "\uE001\uE001";

  private TemplatePlaceholders() {}

  static String protect(String text) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(OPEN + m.group(1) + CLOSE));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String restore(String value) {
    if (value.indexOf('\uE000') < 0 && value.indexOf('\uE001') < 0) {
      return value;
    }
    return value.replace(OPEN, "{{").replace(CLOSE, "}}");
  }
}
