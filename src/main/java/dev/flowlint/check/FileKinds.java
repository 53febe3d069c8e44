package dev.flowlint.check;

import dev.flowlint.source.ArchyRootKeys;
import java.util.regex.Pattern;

/**
 * What {@code check} does with a file, decided in this one place from its name and content:
 * payloads are checked against their flow, flow definitions (Archy YAML, Architect exports) have
 * their call sites checked, and other YAML (configs, CI files) is skipped.
 */
public final class FileKinds {
  /** How check treats a file. */
  public enum Kind {
    /** A payload or payload template: envelope and inputs checked. */
    PAYLOAD,
    /** An Archy YAML flow: its call sites checked, fixes applied in place. */
    FLOW_YAML,
    /** An Architect export ({@code .i3*}): its call sites checked, never fixed. */
    FLOW_EXPORT,
    /** Not something check has rules for (a YAML file that is not a flow): no report. */
    SKIP
  }

  /** Compiled when a YAML file is first met: a run of JSON payloads never needs it. */
  private static final class FirstKey {
    static final Pattern PATTERN = Pattern.compile("^([a-z][A-Za-z]*):\\s*(#.*)?$");
  }

  private FileKinds() {}

  /** The Archy root keys, sorted, for messages. */
  public static java.util.List<String> rootKeys() {
    return ArchyRootKeys.ALL.stream().sorted().toList();
  }

  /**
   * The names {@link #isFlowFileName} accepts, as a POSIX ERE (bash's {@code =~}) that is also a
   * Java and Python regex: letters spelled out, as a range or a case-blind flag would take other
   * letters in some locales (K, the Kelvin sign).
   */
  public static final String FLOW_NAME_ERE =
      "(\\.[yY][aA]?[mM][lL]|\\.[tT][fF][tT][pP][lL]|\\.[iI]3["
          + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz]+)$";

  /** File names inside directories that may hold a flow: YAML and Architect exports. */
  public static boolean isFlowFileName(String fileName) {
    return isExportName(fileName) || isYamlName(fileName);
  }

  /**
   * @param display the path as shown ({@code <stdin>} for standard input, which is always a
   *     payload)
   */
  public static Kind of(String display, String text) {
    String name = display.substring(display.lastIndexOf('/') + 1);
    if (display.equals("<stdin>")) {
      return Kind.PAYLOAD;
    }
    if (isExportName(name)) {
      return Kind.FLOW_EXPORT;
    }
    if (isYamlName(name)) {
      return isArchyFlow(text) ? Kind.FLOW_YAML : Kind.SKIP;
    }
    return Kind.PAYLOAD;
  }

  /**
   * An Architect export: the name ends in {@code .i3} and letters ({@code .i3InboundFlow}), the
   * {@code i} in either case. Plain string checks, not a regex: this is asked of every file.
   */
  static boolean isExportName(String name) {
    int dot = name.lastIndexOf(".i3");
    int upper = name.lastIndexOf(".I3");
    int at = Math.max(dot, upper);
    if (at < 0 || at + 3 == name.length()) {
      return false;
    }
    for (int i = at + 3; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /** YAML, or a Terraform template of it: {@code .yaml}, {@code .yml}, {@code .tftpl}, any case. */
  static boolean isYamlName(String name) {
    return endsWithFolded(name, ".yaml")
        || endsWithFolded(name, ".yml")
        || endsWithFolded(name, ".tftpl");
  }

  /** ASCII letters compared without case, as a regex's (?i) does. */
  private static boolean endsWithFolded(String name, String lowerSuffix) {
    int from = name.length() - lowerSuffix.length();
    if (from < 0) {
      return false;
    }
    for (int i = 0; i < lowerSuffix.length(); i++) {
      char c = name.charAt(from + i);
      char folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (folded != lowerSuffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The first line that is not blank, a comment or a document marker names an Archy flow type. */
  static boolean isArchyFlow(String text) {
    for (String line : text.lines().limit(10_000).toList()) {
      String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("---") || t.startsWith("%")) {
        continue;
      }
      var m = FirstKey.PATTERN.matcher(l.stripTrailing());
      return m.matches() && ArchyRootKeys.ALL.contains(m.group(1));
    }
    return false;
  }
}
