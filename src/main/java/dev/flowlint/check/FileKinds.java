package dev.flowlint.check;

import java.util.Set;
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

  private static final Pattern EXPORT_NAME = Pattern.compile("(?i).*\\.i3[A-Za-z]+$");
  private static final Pattern YAML_NAME = Pattern.compile("(?i).*\\.(ya?ml|ya?ml\\.tftpl|tftpl)$");
  private static final Pattern FIRST_KEY = Pattern.compile("^([a-z][A-Za-z]*):\\s*(#.*)?$");

  /** Archy's top-level keys: the flow type in lower camel case. */
  static final Set<String> ARCHY_ROOT_KEYS =
      Set.of(
          "workflow",
          "commonModule",
          "inboundCall",
          "inboundChat",
          "inboundEmail",
          "inboundShortMessage",
          "inqueueCall",
          "inqueueEmail",
          "inqueueShortMessage",
          "inqueueChat",
          "outboundCall",
          "secureCall",
          "botFlow",
          "bot",
          "digitalBot",
          "digitalBotFlow",
          "voicemail",
          "voiceMail",
          "surveyInvite",
          "voiceSurvey",
          "workitem");

  private FileKinds() {}

  /** The Archy root keys, sorted, for messages. */
  public static java.util.List<String> rootKeys() {
    return ARCHY_ROOT_KEYS.stream().sorted().toList();
  }

  /** File names inside directories that may hold a flow: YAML and Architect exports. */
  public static boolean isFlowFileName(String fileName) {
    return EXPORT_NAME.matcher(fileName).matches() || YAML_NAME.matcher(fileName).matches();
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
    if (EXPORT_NAME.matcher(name).matches()) {
      return Kind.FLOW_EXPORT;
    }
    if (YAML_NAME.matcher(name).matches()) {
      return isArchyFlow(text) ? Kind.FLOW_YAML : Kind.SKIP;
    }
    return Kind.PAYLOAD;
  }

  /** The first line that is not blank, a comment or a document marker names an Archy flow type. */
  static boolean isArchyFlow(String text) {
    for (String line : text.lines().limit(10_000).toList()) {
      String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("---") || t.startsWith("%")) {
        continue;
      }
      var m = FIRST_KEY.matcher(l.stripTrailing());
      return m.matches() && ARCHY_ROOT_KEYS.contains(m.group(1));
    }
    return false;
  }
}
