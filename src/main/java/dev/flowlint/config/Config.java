package dev.flowlint.config;

import dev.flowlint.model.Envelope;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.schema.RequiredPolicy;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code flowlint.yaml} (DESIGN.md §4): where schemas live, which flow and envelope each payload
 * file targets, the required policy and per-flow overrides, and rule severities.
 *
 * @param rules severity per rule id; empty Optional means "off"
 * @param include globs of the files to check (named or found); empty means every payload suffix
 * @param exclude globs of files never to check, even when named on the command line
 * @param templates values of template placeholders in call sites' callee names ({@code
 *     common_module_name → Resolve Contact}), so calls in Terraform templates can be checked
 */
public record Config(
    Optional<String> schemas,
    List<PayloadMapping> payloads,
    Optional<RequiredPolicy> required,
    Map<String, FlowOverride> flows,
    Map<String, Optional<Severity>> rules,
    List<String> include,
    List<String> exclude,
    Map<String, String> templates) {

  public static final Config EMPTY =
      new Config(
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Map.of(),
          Map.of(),
          List.of(),
          List.of(),
          Map.of());

  public Config {
    templates = Map.copyOf(templates);
  }

  /** Settings without exclude globs or template values. */
  public Config(
      Optional<String> schemas,
      List<PayloadMapping> payloads,
      Optional<RequiredPolicy> required,
      Map<String, FlowOverride> flows,
      Map<String, Optional<Severity>> rules,
      List<String> include) {
    this(schemas, payloads, required, flows, rules, include, List.of(), Map.of());
  }

  /** Payload files matching {@code files} target {@code flow} in {@code envelope}. */
  public record PayloadMapping(String files, Optional<String> flow, Optional<Envelope> envelope) {
    public boolean matches(String path) {
      String normalized = dev.flowlint.io.PathText.slashed(path);
      if (normalized.startsWith("./")) {
        normalized = normalized.substring(2);
      }
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + files);
      Path p = Path.of(normalized);
      return m.matches(p)
          || (!files.contains("/") && p.getFileName() != null && m.matches(p.getFileName()));
    }
  }

  /**
   * Inputs to treat as required or optional whatever the schema says, and JSON Schema keywords to
   * merge into inputs' schemas at import ({@code inputs: {Flow.status: {enum: [open, closed]}}}).
   */
  public record FlowOverride(
      Set<String> required, Set<String> optional, Map<String, JsonNode> inputs) {
    public FlowOverride(Set<String> required, Set<String> optional) {
      this(required, optional, Map.of());
    }
  }

  /** Per flow (by name or id as written in the config): input name → keywords to merge. */
  public Map<String, Map<String, JsonNode>> constraints() {
    Map<String, Map<String, JsonNode>> out = new java.util.LinkedHashMap<>();
    flows.forEach(
        (flow, o) -> {
          if (!o.inputs().isEmpty()) {
            out.put(flow, o.inputs());
          }
        });
    return out;
  }

  public Optional<PayloadMapping> mappingFor(String path) {
    for (PayloadMapping m : payloads) { // a loop: asked of every file, mostly of an empty list
      if (m.matches(path)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The severity a rule reports at, or empty when it is off. */
  public Optional<Severity> severity(Rule rule) {
    return rules.getOrDefault(rule.id(), Optional.of(rule.defaultSeverity()));
  }
}
