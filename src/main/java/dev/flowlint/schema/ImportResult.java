package dev.flowlint.schema;

import dev.flowlint.io.SafeText;
import java.util.List;

/** What an import did: written flows, skipped flows, and problems, in a stable order. */
public record ImportResult(
    String outDir, List<Imported> imported, List<Skipped> skipped, List<Problem> problems) {

  public record Imported(String flowName, String flowType, int inputs, int required, String file) {}

  public record Skipped(String flowName, String flowType, String source, String reason) {}

  public record Problem(Severity severity, String message) {}

  public enum Severity {
    ERROR,
    WARNING
  }

  public long errors() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
  }

  /** One line per problem, for standard error. */
  public String problemsText() {
    StringBuilder out = new StringBuilder();
    for (Problem p : problems) {
      out.append(p.severity() == Severity.ERROR ? "error: " : "warning: ")
          .append(SafeText.escape(p.message()))
          .append('\n');
    }
    return out.toString();
  }

  /** The short summary a person reads after {@code flowlint import}. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    for (Imported i : imported) {
      out.append("imported ")
          .append(SafeText.escape(i.flowName()))
          .append(" (")
          .append(SafeText.escape(i.flowType()))
          .append("): ")
          .append(i.inputs())
          .append(i.inputs() == 1 ? " input" : " inputs")
          .append(", ")
          .append(i.required())
          .append(" required -> ")
          .append(SafeText.escape(i.file()))
          .append('\n');
    }
    for (Skipped s : skipped) {
      out.append("skipped ")
          .append(SafeText.escape(s.flowName()))
          .append(" (")
          .append(SafeText.escape(s.flowType()))
          .append("): ")
          .append(SafeText.escape(s.reason()))
          .append(" [")
          .append(SafeText.escape(s.source()))
          .append("]\n");
    }
    int inputs = imported.stream().mapToInt(Imported::inputs).sum();
    long actions = imported.stream().filter(i -> i.flowType().equals("data-action")).count();
    long flows = imported.size() - actions;
    out.append(flows).append(flows == 1 ? " flow" : " flows");
    if (actions > 0) {
      out.append(" and ").append(actions).append(actions == 1 ? " data action" : " data actions");
    }
    out.append(" imported (")
        .append(inputs)
        .append(" inputs) into ")
        .append(outDir)
        .append(", ")
        .append(skipped.size())
        .append(" skipped, ")
        .append(errors())
        .append(errors() == 1 ? " error" : " errors")
        .append('\n');
    return out.toString();
  }
}
