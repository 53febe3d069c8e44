package dev.flowlint.check;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.Quoting;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints a data action's Velocity request template: renders it with a sample for every input (a
 * string sample holds a quote and a backslash) and checks the result is JSON; flags string inputs
 * interpolated without $esc.jsonString; matches the inputs used against the contract; and, for a
 * template that launches a known flow, checks the body as a launch payload. Every finding points
 * into the template string in the file.
 */
final class TemplateLinter {
  static final String STRING_SAMPLE = "a\"b\\c";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$!?esc\\.jsonString\\((?<esc>[^()]*)\\)|\\$!?\\{esc\\.jsonString\\((?<bracedEsc>[^()]*)\\)\\}|\\$!?\\{(?<braced>[^{}]*)\\}|\\$!?(?<bare>[a-zA-Z][\\w-]*(?:\\.[a-zA-Z][\\w-]*)*(?:\\([^()]*\\))?)");
  private static final Pattern INPUT =
      Pattern.compile("^\\s*\\$?!?\\{?\\s*input\\.([A-Za-z][\\w-]*)");

  /** $Input.x, $INPUT.x: Velocity names are case-sensitive, so these are not the inputs. */
  private static final Pattern MISCASED =
      Pattern.compile("\\$!?\\{?(?!input\\.)((?i:input))\\.[A-Za-z]");

  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "#\\{?(set|if|elseif|foreach|macro|define|evaluate|parse|include)\\}?\\s*\\(|#\\{?(end|else|break|stop)\\}?\\b");

  /** One Velocity reference in a template. */
  record Reference(int start, int end, Optional<String> input, boolean escaped) {}

  /** A string of the export in the file, and how its characters map to file offsets. */
  record Located(String text, int[] offsets) {
    Span span(TextLines lines, int start, int end) {
      return lines.span(
          offsets[Math.min(start, offsets.length - 1)], offsets[Math.min(end, offsets.length - 1)]);
    }
  }

  /**
   * A template string being rendered: a stretch of the template and where it landed in the output.
   */
  record Segment(
      int templateStart, int templateEnd, int renderedStart, int renderedEnd, boolean reference) {
    boolean nonEmpty() {
      return renderedEnd > renderedStart;
    }
  }

  /**
   * The request of one data action export and where its findings go.
   *
   * @param body the request body template
   * @param others the URL and header templates (their inputs count as used)
   * @param contract input name → its JSON type
   * @param contractKeys input name → span of its key in the file (for unused inputs)
   */
  record Context(
      Located body,
      List<Located> others,
      Map<String, String> contract,
      Map<String, Span> contractKeys,
      String method,
      String url,
      boolean jsonBody,
      Target target,
      TextLines lines,
      Findings findings) {
    Span span(Located t, int start, int end) {
      return t.span(lines, start, end);
    }

    List<Located> all() {
      List<Located> all = new ArrayList<>(others);
      all.add(0, body);
      return all;
    }
  }

  /** Where the parsed body holds strings, spread members and bare (unquoted) placeholder values. */
  private record Shape(List<Span> spreads, List<Span> quoted, List<Span> bareValues) {
    static Shape of(JsonValue root) {
      Shape s = new Shape(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      s.walk(root);
      return s;
    }

    private void walk(JsonValue v) {
      if (v instanceof JObject o) {
        for (Member m : o.members()) {
          if (m.key().placeholder()
              && m.value() instanceof JPlaceholder p
              && p.span().equals(m.key().span())) {
            spreads.add(p.span());
            continue;
          }
          quoted.add(m.key().span());
          walk(m.value());
        }
      } else if (v instanceof JArray a) {
        a.elements().forEach(this::walk);
      } else if (v instanceof JString || (v instanceof JPlaceholder p && p.quoted())) {
        quoted.add(v.span());
      } else if (v instanceof JPlaceholder) {
        bareValues.add(v.span());
      }
    }

    static boolean within(List<Span> spans, Reference r) {
      return spans.stream().anyMatch(s -> s.start() <= r.start() && r.end() <= s.end());
    }
  }

  /**
   * A body checked as a launch.
   *
   * @param inputTypes the launched flow's inputs: scoped name → Architect type
   */
  record Launched(FileReport report, Map<String, String> inputTypes) {}

  /** The one thing the linter needs from the checker: diagnose a body as a flow launch. */
  @FunctionalInterface
  interface LaunchCheck {
    /**
     * @param flowId the body's literal {@code flowId}, if it has one
     * @return the body's report, or empty when its flow is not known (then nothing can be said)
     */
    Optional<Launched> check(String body, Optional<String> flowId, Target target)
        throws StoreException;
  }

  private final LaunchCheck launchCheck;

  TemplateLinter(LaunchCheck launchCheck) {
    this.launchCheck = launchCheck;
  }

  static List<Reference> references(String template) {
    List<Reference> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(template);
    while (m.find()) {
      // $esc.jsonString(x), $!esc.jsonString(x) and ${esc.jsonString(x)} all escape x.
      String escaped = m.group("esc") != null ? m.group("esc") : m.group("bracedEsc");
      String inner =
          escaped != null
              ? escaped
              : m.group("braced") != null ? "{" + m.group("braced") : m.group("bare");
      Matcher in = INPUT.matcher(inner.startsWith("{") ? inner.substring(1) : inner);
      out.add(
          new Reference(
              m.start(),
              m.end(),
              in.find() ? Optional.of(in.group(1)) : Optional.empty(),
              escaped != null));
    }
    return out;
  }

  void lint(Context c) throws StoreException {
    Set<String> used = new LinkedHashSet<>();
    boolean raw = knownInputs(c, used);
    miscasedInputs(c, used);
    if (!raw) {
      for (var e : c.contractKeys().entrySet()) {
        if (!used.contains(e.getKey())) {
          c.findings()
              .add(
                  Rule.TEMPLATE_UNUSED_INPUT,
                  "contract input "
                      + Quoting.quote(e.getKey())
                      + " is not used by the request URL, headers or body template",
                  "",
                  e.getValue());
        }
      }
    }
    boolean bodyless = Set.of("GET", "DELETE", "HEAD").contains(c.method());
    if (!bodyless && c.jsonBody() && !c.body().text().isBlank()) {
      body(c);
    }
  }

  /**
   * Inputs used in any template must be in the contract; @return whether ${input.rawRequest} is
   * used
   */
  private static boolean knownInputs(Context c, Set<String> used) {
    boolean raw = false;
    for (Located t : c.all()) {
      for (Reference r : references(t.text())) {
        if (r.input().isEmpty()) {
          continue;
        }
        String name = r.input().get();
        if (name.equals("rawRequest")) {
          raw = true;
          continue;
        }
        used.add(name);
        if (!c.contract().containsKey(name)) {
          List<String> close = Suggester.suggest(name, c.contract().keySet());
          c.findings()
              .add(
                  Rule.TEMPLATE_UNKNOWN_INPUT,
                  "the template uses input."
                      + name
                      + ", which the contract does not declare"
                      + InputsChecker.didYouMean(close),
                  "",
                  c.span(t, r.start(), r.end()),
                  Optional.empty(),
                  List.of(
                      "contract inputs: "
                          + (c.contract().isEmpty()
                              ? "none"
                              : String.join(", ", c.contract().keySet()))));
        }
      }
    }
    return raw;
  }

  private static void miscasedInputs(Context c, Set<String> used) {
    for (Located t : c.all()) {
      Matcher mis = MISCASED.matcher(t.text());
      while (mis.find()) {
        int s = mis.start(1);
        int e = mis.end(1);
        String ref =
            t.text()
                .substring(mis.start(), Math.min(t.text().length(), mis.end() + 40))
                .split("[^$!{\\w.-]")[0];
        String name = ref.replaceFirst("^\\$!?\\{?[A-Za-z]+\\.", "");
        used.add(name);
        c.findings()
            .add(
                Rule.TEMPLATE_UNKNOWN_INPUT,
                ref
                    + " is not an input: Velocity names are case-sensitive, so it is sent as"
                    + " literal text; write $input."
                    + name,
                "",
                c.span(t, s, e),
                Optional.of(new Fix("input", "write input in lower case", c.span(t, s, e))),
                List.of());
      }
    }
  }

  /**
   * The body template: static, JSON, escaped, renders to JSON, and a valid launch if it launches a
   * flow.
   */
  private void body(Context c) throws StoreException {
    Located template = c.body();
    String text = template.text();
    Findings findings = c.findings();
    Matcher d = DIRECTIVE.matcher(text);
    if (d.find()) {
      findings.add(
          Rule.TEMPLATE_NOT_STATIC,
          "the request template uses Velocity directives ("
              + d.group().strip()
              + " ...): flowlint cannot render it statically, so its JSON and escaping were not"
              + " checked, nor, if it launches a flow, the input names, required inputs and types",
          "",
          c.span(template, d.start(), d.end()));
      return;
    }
    ParsedPayload parsed = TemplateJsonParser.parse(text);
    if (parsed.error().isPresent()) {
      var e = parsed.error().get();
      findings.add(
          Rule.TEMPLATE_INVALID_JSON,
          "the request template is not JSON at template line "
              + e.span().line()
              + ", column "
              + e.span().column()
              + ": "
              + e.message(),
          "",
          c.span(template, e.span().start(), e.span().end()));
      return;
    }
    JsonValue root = parsed.root().orElseThrow();
    List<Reference> refs = references(text);
    Shape shape = Shape.of(root);
    List<Span> rawValues = rawValues(c, refs, shape);
    for (Span s : shape.spreads()) {
      String what = text.substring(s.start(), s.end());
      if (!what.contains("input.rawRequest")) {
        findings.add(
            Rule.TEMPLATE_NOT_STATIC,
            what
                + " injects raw JSON members: flowlint cannot check what it adds,"
                + " so it checks the rest of the body without them",
            "",
            c.span(template, s.start(), s.end()));
      }
    }
    for (Reference r : refs) {
      if (r.escaped()
          || r.input().isEmpty()
          || !"string".equals(c.contract().get(r.input().get()))) {
        continue;
      }
      if (Shape.within(shape.quoted(), r)) {
        String ref = text.substring(r.start(), r.end());
        String fixed = "$esc.jsonString(" + ref + ")";
        findings.add(
            Rule.TEMPLATE_UNESCAPED_INPUT,
            ref
                + " is a string input put into a JSON string without $esc.jsonString:"
                + " a value with a quote or backslash breaks the body",
            "",
            c.span(template, r.start(), r.end()),
            Optional.of(
                new Fix(
                    fixed, "escape it with $esc.jsonString", c.span(template, r.start(), r.end()))),
            List.of());
      }
    }
    render(c, refs, shape, rawValues);
    if (LaunchUrl.isLaunch(c.url()) && root instanceof JObject launchBody) {
      launch(c, launchBody, refs);
    }
  }

  /** String inputs written as a whole JSON value without quotes: their text is meant to be JSON. */
  private static List<Span> rawValues(Context c, List<Reference> refs, Shape shape) {
    String text = c.body().text();
    List<Span> rawValues = new ArrayList<>();
    for (Span v : shape.bareValues()) {
      for (Reference r : refs) {
        if (v.start() <= r.start()
            && r.end() <= v.end()
            && !r.escaped()
            && r.input().isPresent()
            && "string".equals(c.contract().get(r.input().get()))) {
          rawValues.add(new Span(r.start(), r.end(), 0, 0, 0, 0));
          c.findings()
              .add(
                  Rule.TEMPLATE_NOT_STATIC,
                  text.substring(r.start(), r.end())
                      + " inserts a string input as raw JSON:"
                      + " flowlint cannot check what it will hold, so it checks the rest of the body without it",
                  "",
                  c.span(c.body(), r.start(), r.end()),
                  Optional.empty(),
                  List.of(
                      "if it is meant as text, quote and escape it: \"$esc.jsonString("
                          + text.substring(r.start(), r.end())
                          + ")\""));
        }
      }
    }
    return rawValues;
  }

  /** Renders with samples and checks the result parses; errors point back into the template. */
  private static void render(Context c, List<Reference> refs, Shape shape, List<Span> rawValues) {
    String text = c.body().text();
    StringBuilder out = new StringBuilder();
    List<Segment> segments = new ArrayList<>();
    int at = 0;
    for (Reference r : refs) {
      if (r.start() < at) {
        continue;
      }
      segments.add(new Segment(at, r.start(), out.length(), out.length() + r.start() - at, false));
      out.append(text, at, r.start());
      boolean member = Shape.within(shape.spreads(), r);
      boolean rawValue = Shape.within(rawValues, r);
      // Inside a JSON string an unescaped input is already reported; render it as if escaped.
      boolean inString = Shape.within(shape.quoted(), r);
      String sample =
          member
              ? ""
              : rawValue
                  ? "0"
                  : sample(
                      inString ? new Reference(r.start(), r.end(), r.input(), true) : r,
                      c.contract());
      segments.add(
          new Segment(r.start(), r.end(), out.length(), out.length() + sample.length(), true));
      out.append(sample);
      at = r.end();
    }
    segments.add(
        new Segment(at, text.length(), out.length(), out.length() + text.length() - at, false));
    out.append(text, at, text.length());
    ParsedPayload rendered = TemplateJsonParser.parse(out.toString());
    if (rendered.error().isEmpty()) {
      return;
    }
    var e = rendered.error().get();
    int offset = e.span().start();
    for (Segment seg : segments) {
      if (offset < seg.renderedStart()
          || offset > seg.renderedEnd()
          || (offset == seg.renderedEnd() && !seg.reference() && seg.nonEmpty())) {
        continue;
      }
      int tStart;
      int tEnd;
      String why = "";
      if (seg.reference()) {
        tStart = seg.templateStart();
        tEnd = seg.templateEnd();
        why =
            " when "
                + text.substring(tStart, tEnd)
                + " renders as "
                + out.substring(seg.renderedStart(), seg.renderedEnd());
      } else {
        tStart = seg.templateStart() + (offset - seg.renderedStart());
        tEnd = Math.min(seg.templateEnd(), tStart + Math.max(1, e.span().length()));
        Optional<Segment> before =
            segments.stream()
                .filter(
                    s -> s.reference() && s.renderedEnd() == seg.renderedStart() && s.nonEmpty())
                .findFirst();
        if (before.isPresent()) {
          Segment b = before.get();
          why =
              " after "
                  + text.substring(b.templateStart(), b.templateEnd())
                  + " renders as "
                  + out.substring(b.renderedStart(), b.renderedEnd());
        }
      }
      TextLines tl = new TextLines(text);
      c.findings()
          .add(
              Rule.TEMPLATE_INVALID_JSON,
              "the request template does not render to JSON"
                  + why
                  + " (template line "
                  + tl.line(tStart)
                  + ", column "
                  + tl.column(tStart)
                  + "): "
                  + e.message(),
              "",
              c.span(c.body(), tStart, tEnd),
              Optional.empty(),
              List.of("string inputs belong in quotes, escaped: \"$esc.jsonString(${input.x})\""));
      return;
    }
  }

  private static String sample(Reference r, Map<String, String> contract) {
    if (r.input().isEmpty()
        || (!r.input().get().equals("rawRequest") && !contract.containsKey(r.input().get()))) {
      return "0";
    }
    if (r.input().get().equals("rawRequest")) {
      Map<String, String> all = new LinkedHashMap<>(contract);
      StringBuilder json = new StringBuilder("{");
      for (var e : all.entrySet()) {
        json.append(json.length() > 1 ? "," : "")
            .append(Quoting.quote(e.getKey()))
            .append(':')
            .append(jsonSample(e.getValue()));
      }
      return json.append('}').toString();
    }
    String raw = rawSample(contract.get(r.input().get()));
    if (r.escaped()) {
      String q = Quoting.quote(raw);
      return q.substring(1, q.length() - 1);
    }
    return raw;
  }

  /** A sample as a JSON value, for ${input.rawRequest}. */
  private static String jsonSample(String type) {
    return switch (type) {
      case "integer", "number", "boolean", "null" -> rawSample(type);
      case "object" -> "{}";
      case "array" -> "[]";
      default -> Quoting.quote(STRING_SAMPLE);
    };
  }

  private static String rawSample(String type) {
    return switch (type) {
      case "integer" -> "42";
      case "number" -> "1.5";
      case "boolean" -> "true";
      case "null" -> "null";
      default -> STRING_SAMPLE;
    };
  }

  /** The template launches a flow: check its body as a launch payload when the flow is known. */
  private void launch(Context c, JObject body, List<Reference> refs) throws StoreException {
    Optional<String> flowId =
        body.member("flowId")
            .map(Member::value)
            .filter(v -> v instanceof JString)
            .map(v -> ((JString) v).value());
    Optional<Launched> inner =
        launchCheck.check(
            c.body().text(),
            flowId,
            new Target(
                c.target().flow(), c.target().flowFrom(), Optional.of(Envelope.FLOW_EXECUTION)));
    if (inner.isEmpty()) {
      return;
    }
    for (Diagnostic d : inner.get().report().diagnostics()) {
      Span span = c.span(c.body(), d.span().start(), d.span().end());
      Optional<Fix> fix =
          d.fix()
              .map(
                  f -> {
                    String q = Quoting.quote(f.replacement());
                    return new Fix(
                        q.substring(1, q.length() - 1),
                        f.description(),
                        c.span(c.body(), f.span().start(), f.span().end()));
                  });
      c.findings()
          .add(d.rule(), "in the request template: " + d.message(), "", span, fix, d.help());
    }
    LaunchTypes.check(c, body, inner.get().inputTypes(), refs);
  }
}
