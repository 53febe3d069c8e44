package dev.flowlint.check;

import dev.flowlint.model.Rule;

import dev.flowlint.config.Config;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Span;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.model.TextLines;
import dev.flowlint.schema.FlowSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks one inputs object against a flow: names, nesting, required inputs, value types. */
final class InputsChecker {
  private static final Set<String> SCOPES = Set.of("Flow", "Common", "Slot", "State", "Task");
  private final TypeChecker types;

  InputsChecker(TypeChecker types) {
    this.types = types;
  }

  /**
   * @param bare keys are bare names ({@code customer_id}, shared-flow) rather than scoped ones
   * @param container how messages name the object: "inputData", "inputs", "the inputs object"
   * @param containerSpan where missing inputs are reported
   */
  void check(JObject inputs, FlowSchema flow, boolean bare, String container, String pointer, Span containerSpan,
      Config config, TextLines lines, Findings findings) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String scoped : flow.inputs().keySet()) {
      byKey.put(bare ? FlowSchema.bare(scoped) : scoped, scoped);
    }
    Set<String> present = new LinkedHashSet<>();
    Set<String> taken = new java.util.HashSet<>(); // keys written: a rename to one would duplicate it
    inputs.members().forEach(m -> taken.add(m.key().name()));
    boolean unknownKeys = inputs.hasPlaceholderKeys();
    for (Member m : inputs.members()) {
      if (m.key().placeholder()) {
        continue;
      }
      String name = m.key().name();
      String ptr = pointer + "/" + Quoting.pointerToken(name);
      String scoped = byKey.get(name);
      if (scoped != null) {
        present.add(scoped);
        types.check(flow, scoped, m.value(), ptr, findings);
      } else if (!bare && SCOPES.contains(name) && m.value() instanceof JObject nested) {
        unknownKeys |= nested.hasPlaceholderKeys();
        nestedScope(m, nested, flow, container, ptr, present, lines, findings);
      } else {
        notAnInput(m, name, bare ? flow.scope() + "." + name : name, flow, byKey.keySet(), taken, container, ptr, findings)
            .ifPresent(meant -> present.add(byKey.get(meant))); // its fix supplies the input: no second error
      }
    }
    if (unknownKeys) {
      return; // a placeholder may supply any input: missing ones cannot be told
    }
    for (String req : required(flow, config)) {
      if (!present.contains(req)) {
        String shown = bare ? FlowSchema.bare(req) : req;
        findings.add(Rule.MISSING_REQUIRED_INPUT, container + " lacks the required input " + Quoting.quote(shown)
            + " of flow " + Quoting.quote(flow.name()), pointer, containerSpan,
            "flowlint treats an input with no initial value as required: a run that reads it while it is NOT_SET fails"
                + " (set 'required' or flows." + flow.name() + ".optional in flowlint.yaml to change this)");
      }
    }
  }

  static Set<String> required(FlowSchema flow, Config config) {
    Set<String> out = new LinkedHashSet<>(flow.required());
    Config.FlowOverride o = config.flows().get(flow.name());
    if (o == null && flow.id().isPresent()) {
      o = config.flows().get(flow.id().get());
    }
    if (o != null) {
      out.addAll(o.required());
      out.removeAll(o.optional());
    }
    return out;
  }

  private void nestedScope(Member m, JObject nested, FlowSchema flow, String container, String ptr,
      Set<String> present, TextLines lines, Findings findings) {
    String scope = m.key().name();
    Optional<Fix> fix = Optional.empty();
    if (!nested.hasPlaceholderKeys() && !nested.members().isEmpty()) {
      // Keep the layout: one member per line at the outer member's indent when it stood on its own line.
      String line = lines.lineText(m.key().span().line());
      String before = line.substring(0, Math.min(line.length(), m.key().span().column() - 1));
      String separator = before.isBlank() ? ",\n" + before : ", ";
      String flat = nested.members().stream()
          .map(n -> Quoting.quote(scope + "." + n.key().name()) + ": " + lines.text().substring(n.value().span().start(), n.value().span().end()))
          .collect(Collectors.joining(separator));
      fix = Optional.of(new Fix(flat, "flatten to " + nested.members().stream()
          .map(n -> scope + "." + n.key().name()).collect(Collectors.joining(", ")), m.span()));
    }
    findings.add(Rule.NESTED_SCOPE, container + " nests inputs under " + Quoting.quote(scope)
            + ": Genesys accepts the launch but leaves every one of them unset", ptr, m.key().span(), fix,
        List.of("keys are flat, fully scoped names: {\"" + scope + ".x\": ...}, not {\"" + scope + "\": {\"x\": ...}}"));
    for (Member n : nested.members()) {
      if (n.key().placeholder()) {
        continue;
      }
      String full = scope + "." + n.key().name();
      String nptr = ptr + "/" + Quoting.pointerToken(n.key().name());
      if (flow.inputs().containsKey(full)) {
        present.add(full); // one nested-scope error says it all; no missing-input noise on top
        types.check(flow, full, n.value(), nptr, findings);
      } else {
        List<String> candidates = Suggester.suggest(full, flow.inputs().keySet());
        findings.add(Rule.UNKNOWN_INPUT, "flow " + Quoting.quote(flow.name()) + " has no input " + Quoting.quote(full)
            + didYouMean(candidates), nptr, n.key().span(), Optional.empty(), inputsHelp(flow, false, candidates));
      }
    }
  }

  /** Reports a key that is not an input; gives the input it surely meant, when there is one. */
  private Optional<String> notAnInput(Member m, String name, String scoped, FlowSchema flow, Set<String> keys,
      Set<String> taken, String container, String ptr, Findings findings) {
    if (flow.outputs().contains(scoped) || flow.internal().contains(scoped)) {
      boolean output = flow.outputs().contains(scoped);
      findings.add(Rule.OUTPUT_VARIABLE, Quoting.quote(name) + (output ? " is an output" : " is an internal variable")
              + " of flow " + Quoting.quote(flow.name()) + ", not an input: Genesys ignores it at launch",
          ptr, m.key().span(), Optional.empty(),
          List.of(output ? "tick \"Input to flow\" on the variable in Architect if the flow should receive it"
              : "the variable is not marked as an input in Architect, so nothing can set it from outside"));
      return Optional.empty();
    }
    List<String> candidates = Suggester.suggest(name, keys);
    Optional<Fix> fix = candidates.size() == 1 && taken.add(candidates.get(0))
        ? Optional.of(new Fix(Quoting.quote(candidates.get(0)), "rename to " + candidates.get(0), m.key().span()))
        : Optional.empty();
    findings.add(Rule.UNKNOWN_INPUT, container + " has no input " + Quoting.quote(name) + didYouMean(candidates),
        ptr, m.key().span(), fix, inputsHelp(flow, keys.stream().noneMatch(k -> k.contains(".")), candidates));
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  static String didYouMean(List<String> candidates) {
    if (candidates.isEmpty()) {
      return "";
    }
    return "; did you mean " + candidates.stream().map(Quoting::quote).collect(Collectors.joining(" or ")) + "?";
  }

  private static List<String> inputsHelp(FlowSchema flow, boolean bare, List<String> candidates) {
    List<String> help = new ArrayList<>();
    if (!candidates.isEmpty()) {
      help.add(didYouMean(candidates).substring(2));
    } else {
      List<String> names = flow.inputs().keySet().stream().map(n -> bare ? FlowSchema.bare(n) : n).toList();
      help.add("the inputs of " + Quoting.quote(flow.name()) + " are " + (names.size() > 12
          ? String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more"
          : String.join(", ", names)));
    }
    help.add("a misspelt key is not rejected by Genesys: the input is simply left unset");
    return help;
  }
}
