package dev.flowlint.check;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.source.ApiJsonReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Recognises JSON files that are not payloads, so a hook or a directory walk does not fail on
 * {@code package.json}, a flow definition or flowlint's own schema output. Only files that nothing
 * names explicitly (no --flow, --envelope or flowlint.yaml mapping) are judged here.
 */
public final class NonPayloads {
  /** Top-level keys of the envelopes of DESIGN.md §2. */
  static final Set<String> ENVELOPE_KEYS =
      Set.of("flowId", "flowVersion", "inputData", "flowType", "inputs");

  /**
   * Why a file is skipped.
   *
   * @param quiet the file is something flowlint knows (a definition, its own output): say so only
   *     with --verbose
   */
  public record Reason(String text, boolean quiet) {}

  private NonPayloads() {}

  /** Empty when the file must be checked (it looks like a payload, or cannot be read as JSON). */
  public static Optional<Reason> classify(ParsedPayload parsed, String text) {
    if (parsed.error().isPresent() || parsed.root().isEmpty()) {
      return Optional.empty();
    }
    JsonValue root = parsed.root().get();
    if (root instanceof JsonValue.JArray) {
      return Optional.of(
          new Reason(
              "a JSON array, not a payload, and no payloads mapping in flowlint.yaml names it",
              false));
    }
    if (!(root instanceof JObject obj)) {
      return Optional.empty();
    }
    // flowlint's schema output first: a schema also has the shape of a data action contract.
    if (obj.member("x-flowlint").isPresent()) {
      return Optional.of(new Reason("flowlint's own schema output", true));
    }
    if (obj.member("byId").isPresent()
        && obj.member("byName").isPresent()
        && obj.member("flows").isPresent()) {
      return Optional.of(new Reason("flowlint's schema index", true));
    }
    // Reports, before the payload test: SARIF's "$schema" key reads as a Velocity reference.
    if (isSarif(obj)) {
      return Optional.of(new Reason("a SARIF log, not a payload (a report of some run)", true));
    }
    if (isFlowlintReport(obj)) {
      return Optional.of(new Reason("flowlint's own JSON report", true));
    }
    if (DataActionLinter.isExport(obj) || looksLikePayload(obj)) {
      return Optional.empty();
    }
    // A bare {type: object, properties} is any JSON Schema as much as a data action contract:
    // import reads it; check lints it as a contract only when told to (--flow, or a mapping with a
    // flow).
    if (DataActionLinter.isContract(obj)) {
      return Optional.of(
          new Reason(
              "a data action input contract or other JSON Schema (flowlint import reads it; "
                  + "check lints it with --flow or a flowlint.yaml mapping)",
              true));
    }
    if (isDefinition(text)) {
      return Optional.of(new Reason("a flow definition (flowlint import reads it)", true));
    }
    return Optional.of(
        new Reason(
            "no envelope keys (flowId, inputData, flowType, inputs) and no payloads mapping in flowlint.yaml names it"
                + firstNearKey(obj).orElse(""),
            false));
  }

  /** Each envelope key folded (case, separators, spaces dropped), to the key it is. */
  private static final java.util.Map<String, String> FOLDED_ENVELOPE_KEYS = folded(ENVELOPE_KEYS);

  /** Long enough that one edit away is still plainly meant (not {@code inputs}: {@code input}). */
  private static final List<String> FUZZY_ENVELOPE_KEYS =
      List.of("flowid", "flowversion", "inputdata", "flowtype");

  /**
   * JSON Schema's own {@code $} keywords: many JSON files (renovate.json, a schema) start with
   * {@code $schema}, which is no template placeholder.
   */
  private static final Set<String> SCHEMA_KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "$ref",
          "$defs",
          "$comment",
          "$anchor",
          "$dynamicRef",
          "$dynamicAnchor",
          "$vocabulary");

  /**
   * Envelope keys, scoped input names ({@code Flow.x}) or template keys; or near misses of the
   * envelope keys with the shape a payload gives them (a flowId-like key holding a UUID, an
   * inputData-like key holding an object) or two of them: a payload that spells {@code FlowId} or
   * {@code input_data} is a payload with a mistake to report, while a lone {@code "Inputs": []} in
   * some other tool's file is not.
   */
  static boolean looksLikePayload(JObject obj) {
    int near = 0;
    for (JsonValue.Member m : obj.members()) { // a loop, not a stream: asked of every file
      String name = m.key().name();
      if ((m.key().placeholder() && !SCHEMA_KEYWORDS.contains(name))
          || ENVELOPE_KEYS.contains(name)
          || name.contains(".")) {
        return true;
      }
      Optional<String> meant = nearEnvelopeKey(name);
      if (meant.isPresent()) {
        if (++near >= 2 || shaped(meant.get(), m.value())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A value of the shape a launch body gives the envelope key. */
  private static boolean shaped(String key, JsonValue value) {
    return switch (key) {
      case "flowId" ->
          value instanceof JsonValue.JPlaceholder
              || (value instanceof JsonValue.JString s
                  && FlowResolver.UUID.matcher(s.value()).matches());
      case "inputData" -> value instanceof JObject;
      default -> false;
    };
  }

  /**
   * The envelope key {@code key} is a near miss of: folded the same, or one edit from a long one.
   */
  static Optional<String> nearEnvelopeKey(String key) {
    if (key.length() > 40) {
      return Optional.empty();
    }
    String f = fold(key);
    String exact = FOLDED_ENVELOPE_KEYS.get(f);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (String k : FUZZY_ENVELOPE_KEYS) {
      if (Math.abs(k.length() - f.length()) <= 1 && Suggester.distance(f, k) <= 1) {
        return Optional.of(FOLDED_ENVELOPE_KEYS.get(k));
      }
    }
    return Optional.empty();
  }

  /** Letters and digits only, lower-cased: FlowId, flow_id and "flowId " all fold to flowid. */
  private static String fold(String key) {
    StringBuilder folded = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        folded.append(Character.toLowerCase(c));
      }
    }
    return folded.toString();
  }

  private static java.util.Map<String, String> folded(Set<String> keys) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    keys.forEach(k -> out.put(fold(k), k));
    return java.util.Map.copyOf(out);
  }

  /** The first key that is a near miss of an envelope key, for the skip note. */
  private static Optional<String> firstNearKey(JObject obj) {
    for (JsonValue.Member m : obj.members()) {
      Optional<String> meant = nearEnvelopeKey(m.key().name());
      if (meant.isPresent()) {
        return Optional.of(
            "; its key "
                + dev.flowlint.payload.Quoting.quote(m.key().name())
                + " looks like "
                + meant.get()
                + ": if it is a payload, name it with --flow or a payloads mapping");
      }
    }
    return Optional.empty();
  }

  /**
   * A SARIF log: {@code runs} beside SARIF's {@code version} or a SARIF {@code $schema} (which the
   * parser takes for a placeholder key, so keys are compared by name here).
   */
  /**
   * A report flowlint (or a run like it) writes: a SARIF log, flowlint's JSON report, or a GitLab
   * code quality array (empty, or of issues with a check_name and fingerprint). A report file named
   * into a directory being checked may replace such a file whatever maps the directory to a flow.
   */
  public static boolean isReport(ParsedPayload parsed) {
    if (parsed.root().isEmpty()) {
      return false;
    }
    JsonValue root = parsed.root().get();
    if (root instanceof JObject obj) {
      return isSarif(obj) || isFlowlintReport(obj);
    }
    if (root instanceof JsonValue.JArray a) {
      for (JsonValue e : a.elements()) {
        if (!(e instanceof JObject o
            && o.member("check_name").isPresent()
            && o.member("fingerprint").isPresent())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isSarif(JObject obj) {
    boolean runs = false;
    boolean sarif = false;
    for (JsonValue.Member m : obj.members()) {
      String key = m.key().name();
      if (key.equals("runs")) {
        runs = m.value() instanceof JsonValue.JArray;
      } else if (key.equals("version") && m.value() instanceof JsonValue.JString v) {
        sarif |= v.value().equals("2.1.0");
      } else if (key.equals("$schema") && m.value() instanceof JsonValue.JString v) {
        sarif |= v.value().toLowerCase(java.util.Locale.ROOT).contains("sarif");
      }
    }
    return runs && sarif;
  }

  /** What {@code --format json} writes: {@code {"tool": {"name": "flowlint"}, "files": [...]}}. */
  private static boolean isFlowlintReport(JObject obj) {
    return obj.member("files").isPresent()
        && obj.member("tool")
            .map(JsonValue.Member::value)
            .filter(JObject.class::isInstance)
            .flatMap(t -> ((JObject) t).member("name"))
            .map(JsonValue.Member::value)
            .filter(n -> n instanceof JsonValue.JString s && s.value().equals("flowlint"))
            .isPresent();
  }

  private static boolean isDefinition(String text) {
    try {
      JsonNode node = CanonicalJson.mapper().readTree(text);
      return ApiJsonReader.accepts(node);
    } catch (JacksonException e) {
      return false;
    }
  }
}
