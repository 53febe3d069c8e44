package dev.flowlint.report;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import java.io.PrintStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The machine-readable report of DESIGN.md §4. */
public final class JsonReporter implements Reporter {
  private final String version;

  public JsonReporter(String version) {
    this.version = version;
  }

  private JsonGenerator json;

  @Override
  public boolean isDocument() {
    return true;
  }

  @Override
  public void begin(PrintStream out) {
    json = CanonicalJson.orderedGenerator(out);
    json.writeStartObject();
    json.writeName("tool");
    ObjectNode tool = JsonNodeFactory.instance.objectNode();
    tool.put("name", "flowlint");
    tool.put("version", version);
    json.writeTree(tool);
    json.writeName("files");
    json.writeStartArray();
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    json.writeTree(file(f));
    json.flush();
  }

  @Override
  public void end(Summary s, PrintStream out) {
    json.writeEndArray();
    json.writeName("summary");
    ObjectNode summary = JsonNodeFactory.instance.objectNode();
    summary.put("files", s.files());
    summary.put("errors", s.errors());
    summary.put("warnings", s.warnings());
    summary.put("infos", s.infos());
    json.writeTree(summary);
    json.writeEndObject();
    json.close();
    json = null;
    out.print("\n");
    out.flush();
  }

  /** 1-based line and column, end exclusive, as DESIGN.md §4 gives them. */
  private static void putRange(ObjectNode o, dev.flowlint.model.Span s) {
    o.put("line", s.line());
    o.put("column", s.column());
    o.put("endLine", s.endLine());
    o.put("endColumn", s.endColumn());
  }

  private static ObjectNode file(FileReport f) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode file = nodes.objectNode();
    file.put("path", f.path());
    file.put("flow", f.flow().orElse(null));
    file.put("envelope", f.envelope().orElse(null));
    ArrayNode diags = file.putArray("diagnostics");
    for (Diagnostic d : f.diagnostics()) {
      ObjectNode o = diags.addObject();
      o.put("rule", d.rule().id());
      o.put("severity", d.severity().word());
      o.put("message", d.message());
      o.put("pointer", d.pointer());
      putRange(o, d.span());
      d.fix()
          .ifPresent(
              fix -> {
                ObjectNode x = o.putObject("fix");
                x.put("replacement", fix.replacement());
                x.put("description", fix.description());
                putRange(x, fix.span());
              });
      if (!d.help().isEmpty()) {
        ArrayNode help = o.putArray("help");
        d.help().forEach(help::add);
      }
    }
    return file;
  }
}
