package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Severity;
import dev.flowlint.model.Span;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  private final String version;

  public SarifReporter(String version) {
    this.version = version;
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
      rule.putObject("help").put("text", r.help());
      rule.putObject("defaultConfiguration").put("level", level(r.defaultSeverity()));
    }
    return tool;
  }

  /** One result per finding of a file. */
  private static ArrayNode results(FileReport f) {
    ArrayNode results = NODES.arrayNode();
    String uri = uri(f.path());
    for (Diagnostic d : f.diagnostics()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", d.rule().id());
      result.put("ruleIndex", d.rule().ordinal());
      result.put("level", level(d.severity()));
      String text = d.help().isEmpty() ? d.message() : d.message() + "\n" + String.join("\n", d.help());
      result.putObject("message").put("text", text);
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri);
      if (d.rule() != Rule.UNREADABLE_FILE) {
        physical.set("region", region(d.span()));
      }
      result.putObject("partialFingerprints").put("flowlint/v1", fingerprint(d.rule().id(), uri, d.pointer(), d.message()));
      d.fix().ifPresent(fix -> {
        ObjectNode x = result.putArray("fixes").addObject();
        x.putObject("description").put("text", fix.description());
        ObjectNode change = x.putArray("artifactChanges").addObject();
        change.putObject("artifactLocation").put("uri", uri);
        ObjectNode replacement = change.putArray("replacements").addObject();
        replacement.set("deletedRegion", region(fix.span()));
        replacement.putObject("insertedContent").put("text", fix.replacement());
      });
    }
    return results;
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

  /** A repository-relative URI reference: forward slashes, no "./", special characters escaped. */
  static String uri(String path) {
    if (path.equals("<stdin>")) {
      return "stdin";
    }
    String p = path.replace('\\', '/');
    Path asPath = Path.of(p);
    if (asPath.isAbsolute()) {
      Path cwd = Path.of("").toAbsolutePath();
      if (asPath.startsWith(cwd)) {
        p = cwd.relativize(asPath).toString().replace('\\', '/');
      }
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    try {
      return new URI(null, null, p, null).toASCIIString();
    } catch (URISyntaxException e) {
      return p;
    }
  }

  /** Stable across runs and line moves: what the finding is about, not where it is. */
  static String fingerprint(String rule, String uri, String pointer, String message) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((rule + "\u0000" + uri + "\u0000" + pointer + "\u0000" + message).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
