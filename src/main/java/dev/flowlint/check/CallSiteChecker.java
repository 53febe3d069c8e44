package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.model.CallLocation;
import dev.flowlint.model.CallSite;
import dev.flowlint.model.CallSite.Binding;
import dev.flowlint.model.CallSite.Kind;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Fix;
import dev.flowlint.model.FlowCalls;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import dev.flowlint.source.ExportCallSites;
import dev.flowlint.source.SourceException;
import dev.flowlint.source.SourceText;
import dev.flowlint.source.YamlCallSites;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks every call site of a flow file (Archy YAML or Architect export) against its callee's
 * schema: bound input and output names, required inputs, literal types, and whether a common module
 * may be called from this flow's type.
 */
public final class CallSiteChecker {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  private final SchemaStore store;
  private final Config config;

  public CallSiteChecker(SchemaStore store, Config config) {
    this.store = store;
    this.config = config;
  }

  /**
   * The findings of one flow file; a file that cannot be read as a flow gives one unreadable-file
   * finding.
   */
  public FileReport check(String path, String text, FileKinds.Kind kind) throws StoreException {
    boolean yaml = kind == FileKinds.Kind.FLOW_YAML;
    TextLines lines = new TextLines(yaml ? text : "");
    FlowCalls flow;
    try {
      SourceText source = new SourceText(path, text);
      flow = yaml ? YamlCallSites.read(source) : ExportCallSites.read(source);
    } catch (SourceException e) {
      Span at =
          yaml && e.line() > 0
              ? lines.span(
                  offsetOf(lines, e.line(), e.column()), offsetOf(lines, e.line(), e.column()))
              : Span.NONE;
      Diagnostic d =
          new Diagnostic(
              Rule.UNREADABLE_FILE,
              Rule.UNREADABLE_FILE.defaultSeverity(),
              "cannot read this flow: " + e.reason(),
              "",
              at,
              Optional.empty(),
              List.of());
      return new FileReport(path, Optional.empty(), Optional.empty(), List.of(d), lines);
    }
    Findings findings = new Findings();
    for (FlowCalls.RepeatedKey r : flow.repeatedKeys()) {
      repeated(r, findings);
    }
    for (CallSite call : flow.calls()) {
      check(flow, call, lines, findings);
      BindingValues.ambiguous(call, findings);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : findings.list()) {
      config.severity(d.rule()).ifPresent(s -> out.add(d.withSeverity(s)));
    }
    // Stable: in an export every finding is at 1:1, and stays in the order of the flow's actions.
    out.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
    return new FileReport(
        path, Optional.of(flow.flowName()), Optional.empty(), FindingsCap.apply(out), lines);
  }

  /** A literal that cannot be a value of the input's type, or lies beyond the input's bounds. */
  private static void literal(CallSite call, FlowSchema f, Binding b, Findings findings) {
    JsonNode schema = f.inputs().get(b.name());
    String literal = b.literal().orElseThrow();
    Optional<String> type = LiteralFit.misfit(schema, literal);
    Optional<String> what =
        type.isPresent()
            ? type.map(t -> "not " + ("AEIOU".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t)
            : LiteralFit.outOfRange(schema, literal);
    if (what.isEmpty()) {
      return;
    }
    add(
        findings,
        Rule.CALL_INPUT_TYPE,
        b.at(),
        "the literal "
            + Quoting.quote(literal)
            + " bound to "
            + Quoting.quote(b.name())
            + " of "
            + call.kind().noun()
            + " "
            + Quoting.quote(f.name())
            + " is "
            + what.get()
            + where(b.at()),
        Optional.empty(),
        List.of(
            type.isPresent()
                ? "the " + call.kind().noun() + " declares " + b.name() + " as " + type.get()
                : "Genesys rejects a value beyond the input's bounds"));
  }

  /** As duplicate-key in a payload: which of the two an Archy load keeps is not documented. */
  private static void repeated(FlowCalls.RepeatedKey r, Findings findings) {
    Span first = r.first() instanceof CallLocation.YamlKey k ? k.span() : Span.NONE;
    add(
        findings,
        Rule.DUPLICATE_KEY,
        r.at(),
        "the key "
            + Quoting.quote(r.key())
            + " is repeated in this mapping (first at "
            + first.line()
            + ":"
            + first.column()
            + "); only one of them takes effect",
        Optional.empty(),
        List.of("remove one of the two entries, or rename it"));
  }

  private void check(FlowCalls flow, CallSite call, TextLines lines, Findings findings)
      throws StoreException {
    String name = call.callee();
    String what = call.kind().noun();
    if (call.calleePlaceholder()) {
      Optional<String> resolved = CalleeNames.resolve(name, config.templates());
      if (resolved.isEmpty()) {
        List<String> keys = CalleeNames.placeholders(name);
        String key =
            keys.stream()
                .filter(k -> !config.templates().containsKey(k))
                .findFirst()
                .orElse("name");
        add(
            findings,
            Rule.CALL_UNKNOWN_CALLEE,
            call.at(),
            call.kind().action()
                + " names its "
                + what
                + " by the template placeholder "
                + Quoting.quote(name)
                + ", so its bindings are not checked"
                + where(call.at()),
            Optional.empty(),
            List.of(
                "give the placeholder's value in flowlint.yaml: templates: {"
                    + key
                    + ": \"<"
                    + what
                    + " name>\"}"));
        return;
      }
      name = resolved.get();
    }
    Optional<FlowSchema> callee;
    try {
      callee = callee(call, name);
    } catch (SchemaStore.AmbiguousFlow e) {
      ambiguous(flow, call, name, e, findings); // this call only: the run goes on
      return;
    }
    if (callee.isEmpty()) {
      add(
          findings,
          Rule.CALL_UNKNOWN_CALLEE,
          call.at(),
          "no schema for the "
              + what
              + " "
              + Quoting.quote(name)
              + " that "
              + Quoting.quote(flow.flowName())
              + " calls, so its bindings are not checked"
              + where(call.at()),
          Optional.empty(),
          List.of(
              "import the " + what + "'s definition (flowlint import FILE) to check this call"));
      return;
    }
    FlowSchema f = callee.get();
    compatible(flow, call, f, findings);
    inputs(call, f, lines, findings);
    outputs(call, f, lines, findings);
  }

  /** By id where the call site has one, else by name (a trailing space in Archy names forgiven). */
  private Optional<FlowSchema> callee(CallSite call, String name) throws StoreException {
    Optional<FlowSchema> found = Optional.empty();
    if (call.calleeId().isPresent()) {
      found = store.byId(call.calleeId().get());
    }
    if (found.isEmpty()) {
      found = byName(call.kind(), name);
    }
    if (found.isEmpty() && !name.strip().equals(name)) {
      found = byName(call.kind(), name.strip());
    }
    return found.filter(f -> fits(call.kind(), f.type()));
  }

  /**
   * A name several flows share: first the type the action calls (Call Bot Flow calls a bot flow; a
   * digital bot flow has its own action, Call Digital Bot Flow), then any type it may reach.
   */
  private Optional<FlowSchema> byName(Kind kind, String name) throws StoreException {
    try {
      return store.byName(name, type -> calls(kind, type));
    } catch (SchemaStore.AmbiguousFlow e) {
      return store.byName(name, type -> fits(kind, type));
    }
  }

  private static boolean calls(Kind kind, String type) {
    return kind == Kind.BOT_FLOW ? type.equals("bot") : fits(kind, type);
  }

  private void ambiguous(
      FlowCalls flow, CallSite call, String name, SchemaStore.AmbiguousFlow e, Findings findings) {
    String what = call.kind().noun();
    add(
        findings,
        Rule.CALL_UNKNOWN_CALLEE,
        call.at(),
        "the "
            + what
            + " "
            + Quoting.quote(name)
            + " that "
            + Quoting.quote(flow.flowName())
            + " calls is ambiguous, several imported flows have that name: "
            + String.join(", ", e.candidates())
            + "; its bindings are not checked"
            + where(call.at()),
        Optional.empty(),
        List.of("call the " + what + " by its id, or import only the one it calls"));
  }

  private static boolean fits(Kind kind, String type) {
    return switch (kind) {
      case MODULE -> type.equals("commonmodule");
      case DATA_ACTION -> type.equals(DataActionLinter.TYPE);
      case BOT_FLOW -> type.equals("bot") || type.equals("digitalbot");
    };
  }

  private void compatible(FlowCalls flow, CallSite call, FlowSchema f, Findings findings) {
    List<String> types = f.calls().compatibleFlowTypes();
    if (call.kind() != Kind.MODULE
        || types.isEmpty()
        || flow.flowType().isEmpty()
        || types.contains(flow.flowType())) {
      return;
    }
    add(
        findings,
        Rule.CALL_INCOMPATIBLE_FLOW_TYPE,
        call.at(),
        "common module "
            + Quoting.quote(f.name())
            + " is not compatible with "
            + FlowKinds.article(flow.flowType())
            + " flow; it lists "
            + String.join(", ", types)
            + where(call.at()),
        Optional.empty(),
        List.of(
            "add "
                + flow.flowType()
                + " to the module's compatible flow types, or call it from a flow of a listed type"));
  }

  private void inputs(CallSite call, FlowSchema f, TextLines lines, Findings findings) {
    Set<String> names = f.inputs().keySet();
    Set<String> present = new LinkedHashSet<>();
    Set<String> taken = bound(call.inputs());
    boolean placeholderKeys = false;
    for (Binding b : call.inputs()) {
      if (b.placeholder()) {
        placeholderKeys = true;
        continue;
      }
      if (names.contains(b.name())) {
        if (b.bound()) {
          present.add(b.name());
        }
        BindingValues.nonScalar(call, f.name(), b, f.inputs().get(b.name()), findings);
        if (b.value() == CallSite.ValueKind.LIT && b.literal().isPresent()) {
          literal(call, f, b, findings);
        }
        continue;
      }
      List<String> candidates = Suggester.suggest(b.name(), names);
      List<String> help =
          help(f, "inputs", names, candidates, taken); // before rename() claims the name
      add(
          findings,
          Rule.CALL_UNKNOWN_INPUT,
          b.at(),
          call.kind().noun()
              + " "
              + Quoting.quote(f.name())
              + " has no input "
              + Quoting.quote(b.name())
              + InputsChecker.didYouMean(candidates)
              + where(b.at()),
          rename(b, candidates, lines, taken),
          help);
      if (candidates.size() == 1 && b.bound()) {
        present.add(candidates.get(0)); // the rename supplies it: no second finding
      }
    }
    if (placeholderKeys || call.kind() == Kind.BOT_FLOW) {
      return; // a bot asks for any slot its caller leaves empty; slots are never required at a call
    }
    for (String req : InputsChecker.required(f, config)) {
      if (present.contains(req)) {
        continue;
      }
      Optional<Binding> noValue =
          call.inputs().stream().filter(b -> b.name().equals(req)).findFirst();
      add(
          findings,
          Rule.CALL_MISSING_INPUT,
          noValue.map(Binding::at).orElse(call.at()),
          call.kind().noun()
              + " "
              + Quoting.quote(f.name())
              + " needs the input "
              + Quoting.quote(req)
              + (noValue.isPresent()
                  ? ", bound here to no value"
                  : ", which this call leaves unbound")
              + where(call.at()),
          Optional.empty(),
          List.of(
              call.kind() == Kind.DATA_ACTION
                  ? "the action's input contract lists it as required"
                  : "flowlint treats an input with no initial value as required (flows."
                      + f.name()
                      + ".optional in flowlint.yaml changes this)"));
    }
  }

  private void outputs(CallSite call, FlowSchema f, TextLines lines, Findings findings) {
    Optional<Set<String>> known = outputNames(call.kind(), f);
    if (known.isEmpty()) {
      return;
    }
    Set<String> taken = bound(call.outputs());
    for (Binding b : call.outputs()) {
      if (!b.bound() || b.placeholder() || known.get().contains(b.name())) {
        continue;
      }
      List<String> candidates = Suggester.suggest(b.name(), known.get());
      List<String> help =
          help(f, "outputs", known.get(), candidates, taken); // before rename() claims the name
      add(
          findings,
          Rule.CALL_UNKNOWN_OUTPUT,
          b.at(),
          call.kind().noun()
              + " "
              + Quoting.quote(f.name())
              + " has no output "
              + Quoting.quote(b.name())
              + InputsChecker.didYouMean(candidates)
              + where(b.at()),
          rename(b, candidates, lines, taken),
          help);
    }
  }

  /**
   * Names a call can bind outputs to; empty when the schema does not say (then nothing is
   * reported).
   */
  private static Optional<Set<String>> outputNames(Kind kind, FlowSchema f) {
    Set<String> out = new LinkedHashSet<>();
    if (f.calls().outputTypes().isPresent()) {
      out.addAll(f.calls().outputTypes().get().keySet());
    } else if (kind == Kind.DATA_ACTION) {
      return Optional.empty();
    } else {
      out.addAll(f.outputs());
      f.inputs()
          .forEach(
              (n, s) -> {
                if (s.path("x-genesys-output").asBoolean(false)) {
                  out.add(n);
                }
              });
    }
    return Optional.of(out);
  }

  /**
   * Every name a call binds: a rename to one of them would leave the mapping with a duplicate key.
   */
  private static Set<String> bound(List<Binding> bindings) {
    Set<String> out = new java.util.HashSet<>();
    bindings.forEach(b -> out.add(b.name()));
    return out;
  }

  /**
   * A YAML key renamed in place, quoted as it was; exports are base64 and never edited. Never to a
   * name the call already binds (or an earlier rename of this call claimed): YAML keys are unique.
   */
  private static Optional<Fix> rename(
      Binding b, List<String> candidates, TextLines lines, Set<String> taken) {
    if (candidates.size() != 1
        || !(b.at() instanceof CallLocation.YamlKey key)
        || !taken.add(candidates.get(0))) {
      return Optional.empty();
    }
    String to = candidates.get(0);
    char first = key.span().length() > 0 ? lines.text().charAt(key.span().start()) : ' ';
    String replacement =
        first == '\''
            ? "'" + to.replace("'", "''") + "'"
            : first == '"' || !PLAIN_KEY.matcher(to).matches() ? Quoting.quote(to) : to;
    return Optional.of(new Fix(replacement, "rename to " + to, key.span()));
  }

  private static List<String> help(
      FlowSchema f, String what, Set<String> names, List<String> candidates, Set<String> taken) {
    List<String> help = new ArrayList<>();
    if (candidates.size() == 1 && taken.contains(candidates.get(0))) {
      help.add(
          candidates.get(0)
              + " is already bound at this call: remove this binding rather than rename it");
    }
    if (candidates.isEmpty()) {
      List<String> list = List.copyOf(names);
      help.add(
          list.isEmpty()
              ? Quoting.quote(f.name()) + " has no " + what
              : "the "
                  + what
                  + " of "
                  + Quoting.quote(f.name())
                  + " are "
                  + (list.size() > 12
                      ? String.join(", ", list.subList(0, 12))
                          + " and "
                          + (list.size() - 12)
                          + " more"
                      : String.join(", ", list)));
    }
    help.add(
        "a binding to a name the callee does not declare does nothing at run time: the value is simply not passed");
    return help;
  }

  /**
   * For exports, which have no lines: which action, in which state or task, with its tracking id.
   */
  static String where(CallLocation at) {
    return at instanceof CallLocation.ExportAction a ? " (" + a.describe() + ")" : "";
  }

  private static void add(
      Findings findings,
      Rule rule,
      CallLocation at,
      String message,
      Optional<Fix> fix,
      List<String> help) {
    Span span = at instanceof CallLocation.YamlKey k ? k.span() : Span.NONE;
    findings.add(rule, message, at.pointer(), span, fix, help);
  }

  /**
   * The offset of a 1-based line and column, counting line ends as TextLines does (LF, CRLF, CR).
   */
  private static int offsetOf(TextLines lines, int line, int column) {
    String text = lines.text();
    int l = 1;
    int i = 0;
    while (l < line && i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
        l++;
      }
    }
    return Math.min(text.length(), i + Math.max(0, column - 1));
  }
}
