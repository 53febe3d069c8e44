package dev.flowlint.report;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.Span;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SARIF 2.1.0 as GitHub code scanning reads it. */
public final class SarifReporter implements Reporter {
  public static final String INFORMATION_URI = "https://github.com/flowlint/flowlint";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Where rules are explained, one heading per rule id. */
  public static final String RULES_URI = INFORMATION_URI + "/blob/main/docs/rules.md";

  static final String SRCROOT = "%SRCROOT%";
  private final String version;
  private final RepoPaths paths;

  public SarifReporter(String version, RepoPaths paths) {
    this.version = version;
    this.paths = paths;
  }

  private JsonGenerator json;

  /** The document up to the opening of the results array, which file() then fills. */
  @Override
  public boolean isDocument() {
    return true;
  }

  @Override
  public void begin(PrintStream out) {
    json = CanonicalJson.orderedGenerator(out);
    json.writeStartObject();
    json.writeName("$schema");
    json.writeString("https://json.schemastore.org/sarif-2.1.0.json");
    json.writeName("version");
    json.writeString("2.1.0");
    json.writeName("runs");
    json.writeStartArray();
    json.writeStartObject();
    json.writeName("tool");
    json.writeTree(tool());
    json.writeName("originalUriBaseIds");
    ObjectNode bases = NODES.objectNode();
    bases.putObject(SRCROOT).put("uri", paths.rootUri());
    json.writeTree(bases);
    json.writeName("columnKind");
    json.writeString("utf16CodeUnits");
    json.writeName("results");
    json.writeStartArray();
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    for (JsonNode result : results(f)) {
      json.writeTree(result);
    }
    json.flush();
  }

  @Override
  public void end(Summary summary, PrintStream out) {
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.close();
    json = null;
    out.print("\n");
    out.flush();
  }

  private ObjectNode tool() {
    ObjectNode tool = NODES.objectNode();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", "flowlint");
    driver.put("version", version);
    driver.put("semanticVersion", version);
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    for (Rule r : Rule.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id());
      rule.put("name", r.pascalName());
      rule.putObject("shortDescription").put("text", r.summary());
      rule.putObject("fullDescription").put("text", r.summary() + " " + r.help());
      ObjectNode help = rule.putObject("help");
      help.put("text", r.help());
      help.put(
          "markdown",
          "**" + r.summary() + "**\n\n" + r.help() + "\n\n[" + r.id() + "](" + helpUri(r) + ")");
      rule.put("helpUri", helpUri(r));
      rule.putObject("defaultConfiguration").put("level", level(r.defaultSeverity()));
    }
    return tool;
  }

  /** The results of one file (the unit a streaming writer emits). */
  ArrayNode results(FileReport f) {
    ArrayNode results = NODES.arrayNode();
    String uri = uri(f.path());
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    java.util.Map<String, String> lineHashes = new java.util.HashMap<>();
    for (Diagnostic d : f.diagnostics()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", d.rule().id());
      result.put("ruleIndex", d.rule().ordinal());
      result.put("level", level(d.severity()));
      result.putObject("message").put("text", message(d));
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      artifactLocation(physical.putObject("artifactLocation"), f.path(), uri);
      if (d.rule() != Rule.UNREADABLE_FILE) {
        physical.set("region", region(d.span()));
      } else {
        // Code scanning needs a line even when the file could not be read.
        physical.putObject("region").put("startLine", 1);
      }
      ObjectNode prints = result.putObject("partialFingerprints");
      prints.put("flowlint/v1", fingerprint(d.rule().id(), uri, d.pointer(), d.message()));
      // Once per rule and line: a one-line payload of many megabytes with many findings hashed
      // the whole line again for each.
      String lineHash =
          lineHashes.computeIfAbsent(
              d.rule().id() + "\u0000" + d.span().line(),
              k ->
                  lineHash(
                      d.rule().id(),
                      f.lines().lineCount() >= d.span().line()
                          ? f.lines().lineText(d.span().line())
                          : ""));
      int occurrence = seen.merge(lineHash, 1, Integer::sum);
      prints.put("primaryLocationLineHash", lineHash + ":" + occurrence);
      d.fix()
          .ifPresent(
              fix -> {
                ObjectNode x = result.putArray("fixes").addObject();
                x.putObject("description").put("text", fix.description());
                ObjectNode change = x.putArray("artifactChanges").addObject();
                artifactLocation(change.putObject("artifactLocation"), f.path(), uri);
                ObjectNode replacement = change.putArray("replacements").addObject();
                replacement.set("deletedRegion", region(fix.span()));
                replacement.putObject("insertedContent").put("text", fix.replacement());
              });
    }
    return results;
  }

  static String helpUri(Rule r) {
    return RULES_URI + "#" + r.id();
  }

  /** The message and the finding's help, without help lines the message already says. */
  static String message(Diagnostic d) {
    StringBuilder text = new StringBuilder(d.message());
    for (String h : d.help()) {
      if (!d.message().contains(h)) {
        text.append('\n').append(h);
      }
    }
    return text.toString();
  }

  private void artifactLocation(ObjectNode location, String displayed, String uri) {
    location.put("uri", uri);
    if (paths.relative(displayed).isPresent()) {
      location.put("uriBaseId", SRCROOT);
    }
  }

  private static ObjectNode region(Span s) {
    ObjectNode r = NODES.objectNode();
    r.put("startLine", s.line());
    r.put("startColumn", s.column());
    r.put("endLine", s.endLine());
    r.put("endColumn", s.endColumn());
    return r;
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * A URI reference relative to %SRCROOT% (normalised, forward slashes, special characters
   * escaped), or an absolute file URI for a file outside the repository.
   */
  String uri(String path) {
    if (path.equals(RepoPaths.STDIN)) {
      return "stdin";
    }
    return paths
        .relative(path)
        .map(RepoPaths::uriReference)
        .orElseGet(() -> paths.absoluteUri(path));
  }

  /**
   * What GitHub's own upload computes when this is missing: a hash of the finding's line, so an
   * alert follows its line when lines above it move. The rule id keeps two rules on one line apart.
   */
  static String lineHash(String rule, String lineText) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((rule + "\u0000" + lineText.strip()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** Stable across runs and line moves: what the finding is about, not where it is. */
  static String fingerprint(String rule, String uri, String pointer, String message) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (rule + "\u0000" + uri + "\u0000" + pointer + "\u0000" + message)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
