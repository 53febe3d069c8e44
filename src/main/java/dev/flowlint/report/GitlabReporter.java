package dev.flowlint.report;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues with a
 * description, check_name, a fingerprint unique per finding, a severity and a location whose path
 * is relative to the repository.
 */
public final class GitlabReporter implements Reporter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final RepoPaths paths;

  public GitlabReporter(RepoPaths paths) {
    this.paths = paths;
  }

  private JsonGenerator json;

  @Override
  public boolean isDocument() {
    return true;
  }

  /** The array is written as files come: each file's issues, then the closing bracket. */
  @Override
  public void begin(PrintStream out) {
    json = CanonicalJson.orderedGenerator(out);
    json.writeStartArray();
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    for (JsonNode issue : issues(f)) {
      json.writeTree(issue);
    }
    json.flush();
  }

  @Override
  public void end(Summary summary, PrintStream out) {
    json.writeEndArray();
    json.close();
    json = null;
    out.print("\n");
    out.flush();
  }

  /** One file's issues (the unit a streaming writer emits). */
  ArrayNode issues(FileReport f) {
    ArrayNode out = NODES.arrayNode();
    String path = paths.forCi(f.path());
    Map<String, Integer> seen = new HashMap<>();
    for (Diagnostic d : f.diagnostics()) {
      ObjectNode issue = out.addObject();
      issue.put("type", "issue");
      issue.put("check_name", d.rule().id());
      issue.put("description", d.message());
      issue
          .putArray("categories")
          .add(
              d.rule().id().startsWith("template-") || d.rule().id().startsWith("contract-")
                  ? "Compatibility"
                  : "Bug Risk");
      issue.put(
          "severity",
          switch (d.severity()) {
            case ERROR -> d.rule() == Rule.UNREADABLE_FILE ? "blocker" : "major";
            case WARNING -> "minor";
            case INFO -> "info";
          });
      String base = fingerprint(d.rule().id(), path, d.pointer(), d.message());
      int n = seen.merge(base, 1, Integer::sum);
      // GitLab shows only the first issue of a fingerprint: a repeat gets its own.
      issue.put("fingerprint", n == 1 ? base : fingerprint(base, String.valueOf(n), "", ""));
      ObjectNode location = issue.putObject("location");
      location.put("path", path);
      ObjectNode lines = location.putObject("lines");
      boolean located = d.rule() != Rule.UNREADABLE_FILE;
      lines.put("begin", located ? d.span().line() : 1);
      if (located && d.span().endLine() > d.span().line()) {
        lines.put("end", d.span().endLine());
      }
    }
    return out;
  }

  static String fingerprint(String rule, String path, String pointer, String message) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (rule + "\u0000" + path + "\u0000" + pointer + "\u0000" + message)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
