package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JNull;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one inputs object against a flow. networknt validates the whole object against the flow's
 * schema as written (so a keyword a person adds is enforced); this class says in words what each
 * error means, and keeps the rules that are no schema keyword: nested scopes, output variables,
 * placeholders.
 */
final class InputsChecker {
  private static final Set<String> SCOPES = Set.of("Flow", "Common", "Slot", "State", "Task");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final SchemaEngine engine;

  /**
   * Suggestions already worked out in this run (one checker per thread): a misspelling repeated
   * across many payloads is measured against the inputs once. Bounded, so memory stays flat.
   */
  private final Map<String, List<String>> suggestions = new HashMap<>();

  private static final int SUGGESTIONS_KEPT = 4096;

  InputsChecker(SchemaEngine engine) {
    this.engine = engine;
  }

  /**
   * What a flow's checks need that depends only on the flow and the config: worked out once per
   * flow in a run, not for every payload.
   *
   * @param byKey the key a payload writes (scoped, or bare for a shared flow) to the scoped name
   */
  private record Plan(
      Config config, Map<String, String> byKey, Set<String> required, JsonNode effective) {}

  /** By identity: the store hands out one FlowSchema per flow for the whole run. */
  private final Map<FlowSchema, Plan[]> plans = new IdentityHashMap<>();

  private Plan plan(FlowSchema flow, boolean bare, Config config) {
    Plan[] both = plans.computeIfAbsent(flow, f -> new Plan[2]);
    int i = bare ? 1 : 0;
    if (both[i] == null || both[i].config() != config) {
      Map<String, String> byKey = new LinkedHashMap<>();
      for (String scoped : flow.inputs().keySet()) {
        byKey.put(bare ? FlowSchema.bare(scoped) : scoped, scoped);
      }
      Set<String> required = required(flow, config);
      both[i] =
          new Plan(
              config,
              Collections.unmodifiableMap(byKey),
              Collections.unmodifiableSet(required),
              effective(flow, required));
    }
    return both[i];
  }

  /** A payload member that became one key of the object networknt validates. */
  record Slot(Member member, String shown, String pointer, boolean nested) {}

  /**
   * @param bare keys are bare names ({@code customer_id}, shared-flow) rather than scoped ones
   * @param container how messages name the object: "inputData", "inputs", "the inputs object"
   * @param containerSpan where missing inputs are reported
   */
  void check(
      JObject inputs,
      FlowSchema flow,
      boolean bare,
      String container,
      String pointer,
      Span containerSpan,
      Config config,
      TextLines lines,
      Findings findings) {
    Plan plan = plan(flow, bare, config);
    Map<String, String> byKey = plan.byKey();
    ObjectNode instance = NODES.objectNode();
    Map<String, Slot> slots = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(); // keys written: a rename to one would duplicate it
    for (Member m : inputs.members()) {
      taken.add(m.key().name());
    }
    boolean unknownKeys = inputs.hasPlaceholderKeys();
    for (Member m : inputs.members()) {
      if (m.key().placeholder()) {
        continue;
      }
      String name = m.key().name();
      String ptr = pointer + "/" + Quoting.pointerToken(name);
      if (!bare
          && !byKey.containsKey(name)
          && SCOPES.contains(name)
          && m.value() instanceof JObject nested) {
        unknownKeys |= nested.hasPlaceholderKeys();
        nestedScope(m, nested, container, ptr, lines, findings);
        for (Member n : nested.members()) {
          if (!n.key().placeholder()) {
            String full = name + "." + n.key().name();
            put(
                instance,
                slots,
                full,
                new Slot(n, full, ptr + "/" + Quoting.pointerToken(n.key().name()), true));
          }
        }
        continue;
      }
      put(
          instance,
          slots,
          byKey.getOrDefault(
              name, bare && !flow.scope().isEmpty() ? flow.scope() + "." + name : name),
          new Slot(m, name, ptr, false));
    }

    Set<String> required = plan.required();
    Set<String> supplied =
        new HashSet<>(); // inputs a rename fix supplies: no second error for them
    Set<String> done = rulesBeforeTheSchema(slots, flow, required, container, findings);

    List<SchemaError> errors =
        engine.validate(flow.file(), plan.effective(), instance, flow.file());
    List<SchemaError> missing = new ArrayList<>();
    Map<String, List<SchemaError>> atValues = new LinkedHashMap<>();
    Set<String> valueErred = new HashSet<>(); // inputs with an error of their own value
    for (SchemaError e : errors) {
      if (!e.at().isEmpty()) {
        valueErred.add(String.valueOf(e.at().get(0)));
      }
    }
    for (SchemaError e : errors) {
      if (!e.at().isEmpty()) {
        atValues.computeIfAbsent(e.pointer(), k -> new ArrayList<>()).add(e);
      } else if ((e.keyword().equals("additionalProperties")
              || e.keyword().equals("unevaluatedProperties"))
          && e.property().isPresent()) {
        // unevaluatedProperties: false closes the inputs as additionalProperties: false does;
        // but an input the flow declares (under allOf, say) is "unevaluated" only because its
        // value is wrong, which its own error says.
        String key = e.property().orElse("");
        Slot slot = slots.get(key);
        boolean declared =
            e.keyword().equals("unevaluatedProperties")
                && (flow.inputs().containsKey(key) || valueErred.contains(key));
        if (slot != null && !done.contains(key) && !declared) {
          unknown(slot, flow, bare, byKey.keySet(), taken, container, findings)
              .ifPresent(meant -> supplied.add(byKey.get(meant)));
        }
      } else if (e.keyword().equals("required")) {
        missing.add(e);
      } else {
        findings.add(
            Rule.INPUT_CONSTRAINT,
            container + ": " + e.message().replaceFirst("^\\$[^:]*: ", ""),
            pointer,
            containerSpan,
            Optional.empty(),
            List.of("the flow's schema file sets this " + e.keyword()));
      }
    }
    atValues.values().forEach(group -> values(group, slots, done, flow, findings));
    IntegerStrings.check(
        slots,
        flow,
        instance,
        atValues,
        asNumbers -> engine.validate(flow.file(), plan.effective(), asNumbers, flow.file()),
        findings);
    if (unknownKeys) {
      return; // a placeholder may supply any input: missing ones cannot be told
    }
    for (SchemaError e : missing) {
      String req = e.property().orElse("");
      if (!supplied.contains(req)) {
        String shown = bare ? FlowSchema.bare(req) : req;
        findings.add(
            Rule.MISSING_REQUIRED_INPUT,
            container
                + " lacks the required input "
                + Quoting.quote(shown)
                + " of flow "
                + Quoting.quote(flow.name()),
            pointer,
            containerSpan,
            requiredHelp(flow));
      }
    }
  }

  /**
   * Output and internal variables passed as inputs, and null for a required input: findings no
   * schema keyword gives. Returns the keys they covered, whose schema errors would only repeat
   * them.
   */
  private static Set<String> rulesBeforeTheSchema(
      Map<String, Slot> slots,
      FlowSchema flow,
      Set<String> required,
      String container,
      Findings findings) {
    Set<String> done = new HashSet<>();
    for (Map.Entry<String, Slot> e : slots.entrySet()) {
      String key = e.getKey();
      Slot slot = e.getValue();
      if (!slot.nested()
          && !flow.inputs().containsKey(key)
          && (flow.outputs().contains(key) || flow.internal().contains(key))) {
        outputVariable(slot, key, flow, findings);
        done.add(key);
      } else if (flow.inputs().containsKey(key)
          && slot.member().value() instanceof JNull nul
          && required.contains(key)) {
        findings.add(
            Rule.MISSING_REQUIRED_INPUT,
            container
                + " gives null for the required input "
                + Quoting.quote(slot.shown())
                + " of flow "
                + Quoting.quote(flow.name())
                + ": null leaves it NOT_SET, as if it were missing",
            slot.pointer(),
            nul.span(),
            Optional.empty(),
            List.of(requiredHelp(flow)));
        done.add(key);
      }
    }
    return done;
  }

  /**
   * The errors networknt gave at one place inside an input's value, in words, unless a placeholder
   * is there.
   */
  private static void values(
      List<SchemaError> group,
      Map<String, Slot> slots,
      Set<String> done,
      FlowSchema flow,
      Findings findings) {
    List<Object> at = group.get(0).at();
    String key = String.valueOf(at.get(0));
    Slot slot = slots.get(key);
    if (slot == null || done.contains(key) || slot.member().value() instanceof JPlaceholder) {
      return; // a wholly placeholder value satisfies any constraint
    }
    Optional<JsonValue> value = ValueErrors.locate(slot.member().value(), at, 1);
    if (value.isEmpty() || value.get() instanceof JPlaceholder) {
      return;
    }
    ValueErrors.report(
        slot.shown() + ValueErrors.path(at, 1),
        flow.architectType(key),
        slot.pointer() + ValueErrors.pointerOf(at, 1),
        value.get(),
        group,
        flow.document(),
        findings);
  }

  private static void put(ObjectNode instance, Map<String, Slot> slots, String key, Slot slot) {
    if (!slots.containsKey(key)) { // a repeated key: the first one stands
      slots.put(key, slot);
      instance.set(key, ValueErrors.toNode(slot.member().value()));
    }
  }

  private static String requiredHelp(FlowSchema flow) {
    return "flowlint treats an input with no initial value as required: a run that reads it while it is NOT_SET fails"
        + " (set 'required' or flows."
        + flow.name()
        + ".optional in flowlint.yaml to change this)";
  }

  /**
   * The schema networknt checks: the file as written, with the required list flowlint.yaml's
   * overrides give, and, for a data action, names outside the contract reported (Genesys ignores
   * them, so a misspelt one leaves the real input unset, whatever additionalProperties says).
   */
  private static JsonNode effective(FlowSchema flow, Set<String> required) {
    JsonNode doc = flow.document();
    boolean sameRequired = required.equals(flow.required());
    JsonNode additional = doc.path("additionalProperties");
    boolean openAction =
        DataActionLinter.TYPE.equals(flow.type())
            && !additional.isObject()
            && !(additional.isBoolean() && !additional.asBoolean());
    if ((sameRequired && !openAction) || !doc.isObject()) {
      return doc;
    }
    ObjectNode copy = (ObjectNode) doc.deepCopy();
    if (!sameRequired) {
      ArrayNode req = copy.putArray("required");
      required.forEach(req::add);
    }
    if (openAction) {
      copy.put("additionalProperties", false);
    }
    return copy;
  }

  /**
   * The schema's required inputs with flowlint.yaml's overrides: the flow's entry by name and its
   * entry by id both apply (an entry by id was ignored whenever one by name existed), and an input
   * one of them requires stays required even if the other calls it optional.
   */
  static Set<String> required(FlowSchema flow, Config config) {
    Set<String> out = new LinkedHashSet<>(flow.required());
    List<Config.FlowOverride> overrides = new ArrayList<>(2);
    Config.FlowOverride byName = config.flows().get(flow.name());
    if (byName != null) {
      overrides.add(byName);
    }
    if (flow.id().isPresent()) {
      Config.FlowOverride byId = config.flows().get(flow.id().get());
      if (byId != null && byId != byName) {
        overrides.add(byId);
      }
    }
    for (Config.FlowOverride o : overrides) {
      out.removeAll(o.optional());
    }
    for (Config.FlowOverride o : overrides) {
      out.addAll(o.required());
    }
    return out;
  }

  private void nestedScope(
      Member m, JObject nested, String container, String ptr, TextLines lines, Findings findings) {
    String scope = m.key().name();
    Optional<Fix> fix = Optional.empty();
    if (!nested.hasPlaceholderKeys() && !nested.members().isEmpty()) {
      // Keep the layout: one member per line at the outer member's indent when it stood on its own
      // line.
      String line = lines.lineText(m.key().span().line());
      String before = line.substring(0, Math.min(line.length(), m.key().span().column() - 1));
      String separator = before.isBlank() ? "," + lines.lineSeparator() + before : ", ";
      String flat =
          nested.members().stream()
              .map(
                  n ->
                      Quoting.quote(scope + "." + n.key().name())
                          + ": "
                          + lines
                              .text()
                              .substring(n.value().span().start(), n.value().span().end()))
              .collect(Collectors.joining(separator));
      fix =
          Optional.of(
              new Fix(
                  flat,
                  "flatten to "
                      + nested.members().stream()
                          .map(n -> scope + "." + n.key().name())
                          .collect(Collectors.joining(", ")),
                  m.span()));
    }
    findings.add(
        Rule.NESTED_SCOPE,
        container
            + " nests inputs under "
            + Quoting.quote(scope)
            + ": Genesys accepts the launch but leaves every one of them unset",
        ptr,
        m.key().span(),
        fix,
        List.of(
            "keys are flat, fully scoped names: {\""
                + scope
                + ".x\": ...}, not {\""
                + scope
                + "\": {\"x\": ...}}"));
  }

  private static void outputVariable(Slot slot, String scoped, FlowSchema flow, Findings findings) {
    boolean output = flow.outputs().contains(scoped);
    findings.add(
        Rule.OUTPUT_VARIABLE,
        Quoting.quote(slot.shown())
            + (output ? " is an output" : " is an internal variable")
            + " of flow "
            + Quoting.quote(flow.name())
            + ", not an input: Genesys ignores it at launch",
        slot.pointer(),
        slot.member().key().span(),
        Optional.empty(),
        List.of(
            output
                ? "tick \"Input to flow\" on the variable in Architect if the flow should receive it"
                : "the variable is not marked as an input in Architect, so nothing can set it from outside"));
  }

  /** Reports a key that is not an input; gives the input it surely meant, when there is one. */
  private Optional<String> unknown(
      Slot slot,
      FlowSchema flow,
      boolean bare,
      Set<String> keys,
      Set<String> taken,
      String container,
      Findings findings) {
    Member m = slot.member();
    if (slot.nested()) {
      List<String> candidates = suggest(flow, "nested", slot.shown(), flow.inputs().keySet());
      findings.add(
          Rule.UNKNOWN_INPUT,
          "flow "
              + Quoting.quote(flow.name())
              + " has no input "
              + Quoting.quote(slot.shown())
              + didYouMean(candidates),
          slot.pointer(),
          m.key().span(),
          Optional.empty(),
          inputsHelp(flow, false, candidates));
      return Optional.empty();
    }
    String name = slot.shown();
    List<String> candidates = suggest(flow, bare ? "bare" : "scoped", name, keys);
    Optional<Fix> fix =
        candidates.size() == 1 && taken.add(candidates.get(0))
            ? Optional.of(
                new Fix(
                    Quoting.quote(candidates.get(0)),
                    "rename to " + candidates.get(0),
                    m.key().span()))
            : Optional.empty();
    List<String> help = inputsHelp(flow, keys.stream().noneMatch(k -> k.contains(".")), candidates);
    if (candidates.size() == 1 && fix.isEmpty()) {
      // Said here, once; RenameConflicts says the same for fixes made elsewhere.
      help = new ArrayList<>(help);
      help.add(
          "not fixed automatically: the object already has the key "
              + Quoting.quote(candidates.get(0))
              + "; merge the two members by hand");
    }
    findings.add(
        Rule.UNKNOWN_INPUT,
        container
            + " has no input "
            + Quoting.quote(name)
            + didYouMean(candidates)
            + otherUnicodeForm(name, candidates),
        slot.pointer(),
        m.key().span(),
        fix,
        help);
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private List<String> suggest(
      FlowSchema flow, String among, String wrong, Set<String> candidates) {
    String key = flow.file() + '\u0000' + among + '\u0000' + wrong;
    List<String> known = suggestions.get(key);
    if (known == null) {
      if (suggestions.size() >= SUGGESTIONS_KEPT) {
        suggestions.clear();
      }
      known = List.copyOf(Suggester.suggest(wrong, candidates));
      suggestions.put(key, known);
    }
    return known;
  }

  /**
   * Said when the key and the one suggestion differ only in their Unicode form: both print the
   * same, so the message has to say what differs.
   */
  private static String otherUnicodeForm(String name, List<String> candidates) {
    if (candidates.size() != 1) {
      return "";
    }
    String nfc = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    String other = java.text.Normalizer.normalize(candidates.get(0), java.text.Normalizer.Form.NFC);
    return nfc.equals(other)
        ? " (the same letters in another Unicode form: one writes an accent as a separate mark)"
        : "";
  }

  static String didYouMean(List<String> candidates) {
    if (candidates.isEmpty()) {
      return "";
    }
    return "; did you mean "
        + candidates.stream().map(Quoting::quote).collect(Collectors.joining(" or "))
        + "?";
  }

  private static List<String> inputsHelp(FlowSchema flow, boolean bare, List<String> candidates) {
    List<String> help = new ArrayList<>();
    if (!candidates.isEmpty()) {
      help.add(didYouMean(candidates).substring(2));
    } else if (flow.inputs().isEmpty()) {
      help.add(
          Quoting.quote(flow.name()) + " has no inputs: nothing can be passed to it at launch");
    } else {
      List<String> names =
          flow.inputs().keySet().stream().map(n -> bare ? FlowSchema.bare(n) : n).toList();
      help.add(
          "the inputs of "
              + Quoting.quote(flow.name())
              + " are "
              + (names.size() > 12
                  ? String.join(", ", names.subList(0, 12))
                      + " and "
                      + (names.size() - 12)
                      + " more"
                  : String.join(", ", names)));
    }
    help.add("a misspelt key is not rejected by Genesys: the input is simply left unset");
    return help;
  }
}
