package dev.flowlint.check;

import dev.flowlint.model.FileReport;

import dev.flowlint.model.Envelope;

import dev.flowlint.model.Rule;

import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Span;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.Quoting;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.model.TextLines;
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
  private static final Pattern REFERENCE = Pattern.compile(
      "\\$esc\\.jsonString\\((?<esc>[^()]*)\\)|\\$!?\\{(?<braced>[^{}]*)\\}|\\$!?(?<bare>[a-zA-Z][\\w-]*(?:\\.[a-zA-Z][\\w-]*)*(?:\\([^()]*\\))?)");
  private static final Pattern INPUT = Pattern.compile("^\\s*\\$?!?\\{?\\s*input\\.([A-Za-z][\\w-]*)");
  /** $Input.x, $INPUT.x: Velocity names are case-sensitive, so these are not the inputs. */
  private static final Pattern MISCASED = Pattern.compile("\\$!?\\{?(?!input\\.)((?i:input))\\.[A-Za-z]");
  private static final Pattern DIRECTIVE = Pattern.compile(
      "#\\{?(set|if|elseif|foreach|macro|define|evaluate|parse|include)\\}?\\s*\\(|#\\{?(end|else|break|stop)\\}?\\b");

  /** One Velocity reference in a template. */
  record Reference(int start, int end, Optional<String> input, boolean escaped) {}

  /** A string of the export in the file, and how its characters map to file offsets. */
  record Located(String text, int[] offsets) {
    Span span(TextLines lines, int start, int end) {
      return lines.span(offsets[Math.min(start, offsets.length - 1)], offsets[Math.min(end, offsets.length - 1)]);
    }
  }

  private final PayloadChecker checker;

  TemplateLinter(PayloadChecker checker) {
    this.checker = checker;
  }

  static List<Reference> references(String template) {
    List<Reference> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(template);
    while (m.find()) {
      String inner = m.group("esc") != null ? m.group("esc") : m.group("braced") != null ? "{" + m.group("braced") : m.group("bare");
      Matcher in = INPUT.matcher(inner.startsWith("{") ? inner.substring(1) : inner);
      out.add(new Reference(m.start(), m.end(), in.find() ? Optional.of(in.group(1)) : Optional.empty(), m.group("esc") != null));
    }
    return out;
  }

  /**
   * @param contract input name → its JSON type
   * @param contractKeys input name → span of its key in the file (for unused inputs)
   */
  void lint(Located template, List<Located> otherTemplates, Map<String, String> contract, Map<String, Span> contractKeys,
      String method, String url, boolean jsonBody, Target target, TextLines lines, Findings findings) throws dev.flowlint.schema.SchemaStore.StoreException {
    String text = template.text();
    List<Reference> refs = references(text);
    Set<String> used = new LinkedHashSet<>();
    boolean raw = false;
    List<Located> all = new ArrayList<>(otherTemplates);
    all.add(0, template);
    for (Located t : all) {
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
        if (!contract.containsKey(name)) {
          List<String> close = Suggester.suggest(name, contract.keySet());
          findings.add(Rule.TEMPLATE_UNKNOWN_INPUT, "the template uses input." + name + ", which the contract does not declare"
                  + InputsChecker.didYouMean(close), "", t.span(lines, r.start(), r.end()), Optional.empty(),
              List.of("contract inputs: " + (contract.isEmpty() ? "none" : String.join(", ", contract.keySet()))));
        }
      }
    }
    for (Located t : all) {
      Matcher mis = MISCASED.matcher(t.text());
      while (mis.find()) {
        int s = mis.start(1);
        int e = mis.end(1);
        String ref = t.text().substring(mis.start(), Math.min(t.text().length(), mis.end() + 40)).split("[^$!{\\w.-]")[0];
        String name = ref.replaceFirst("^\\$!?\\{?[A-Za-z]+\\.", "");
        used.add(name);
        findings.add(Rule.TEMPLATE_UNKNOWN_INPUT, ref + " is not an input: Velocity names are case-sensitive, so it is sent as"
                + " literal text; write $input." + name, "", t.span(lines, s, e),
            Optional.of(new Fix("input", "write input in lower case", t.span(lines, s, e))), List.of());
      }
    }
    if (!raw) {
      for (var e : contractKeys.entrySet()) {
        if (!used.contains(e.getKey())) {
          findings.add(Rule.TEMPLATE_UNUSED_INPUT, "contract input " + Quoting.quote(e.getKey())
              + " is not used by the request URL, headers or body template", "", e.getValue());
        }
      }
    }
    boolean bodyless = Set.of("GET", "DELETE", "HEAD").contains(method);
    if (bodyless || !jsonBody || text.isBlank()) {
      return;
    }
    Matcher d = DIRECTIVE.matcher(text);
    if (d.find()) {
      findings.add(Rule.TEMPLATE_NOT_STATIC, "the request template uses Velocity directives (" + d.group().strip()
              + " ...): flowlint cannot render it statically, so its JSON and escaping were not checked",
          "", template.span(lines, d.start(), d.end()));
      return;
    }
    ParsedPayload parsed = TemplateJsonParser.parse(text);
    TextLines tlines = parsed.lines();
    if (parsed.error().isPresent()) {
      var e = parsed.error().get();
      findings.add(Rule.TEMPLATE_INVALID_JSON, "the request template is not JSON at template line " + e.span().line()
          + ", column " + e.span().column() + ": " + e.message(), "", template.span(lines, e.span().start(), e.span().end()));
      return;
    }
    JsonValue root = parsed.root().orElseThrow();
    List<Span> spreads = new ArrayList<>();
    List<Span> quoted = new ArrayList<>();
    List<Span> bareValues = new ArrayList<>();
    walk(root, spreads, quoted, bareValues);
    List<Span> rawValues = new ArrayList<>();
    for (Span v : bareValues) {
      // A string input written as a whole JSON value without quotes: its text is meant to be JSON.
      for (Reference r : refs) {
        if (v.start() <= r.start() && r.end() <= v.end() && !r.escaped() && r.input().isPresent()
            && "string".equals(contract.get(r.input().get()))) {
          rawValues.add(new Span(r.start(), r.end(), 0, 0, 0, 0));
          findings.add(Rule.TEMPLATE_NOT_STATIC, text.substring(r.start(), r.end()) + " inserts a string input as raw JSON:"
              + " flowlint cannot check what it will hold, so it checks the rest of the body without it", "",
              template.span(lines, r.start(), r.end()), Optional.empty(),
              List.of("if it is meant as text, quote and escape it: \"$esc.jsonString(" + text.substring(r.start(), r.end()) + ")\""));
        }
      }
    }
    for (Span s : spreads) {
      String what = text.substring(s.start(), s.end());
      if (!what.contains("input.rawRequest")) {
        findings.add(Rule.TEMPLATE_NOT_STATIC, what + " injects raw JSON members: flowlint cannot check what it adds,"
            + " so it checks the rest of the body without them", "", template.span(lines, s.start(), s.end()));
      }
    }
    for (Reference r : refs) {
      if (r.escaped() || r.input().isEmpty() || !"string".equals(contract.get(r.input().get()))) {
        continue;
      }
      if (quoted.stream().anyMatch(q -> q.start() <= r.start() && r.end() <= q.end())) {
        String ref = text.substring(r.start(), r.end());
        String fixed = "$esc.jsonString(" + ref + ")";
        findings.add(Rule.TEMPLATE_UNESCAPED_INPUT, ref + " is a string input put into a JSON string without $esc.jsonString:"
                + " a value with a quote or backslash breaks the body", "", template.span(lines, r.start(), r.end()),
            Optional.of(new Fix(fixed, "escape it with $esc.jsonString", template.span(lines, r.start(), r.end()))), List.of());
      }
    }
    render(template, refs, spreads, rawValues, quoted, contract, lines, findings);
    if (url.endsWith("/api/v2/flows/executions") && root instanceof JObject body) {
      launch(template, body, target, lines, findings);
    }
  }

  private static void walk(JsonValue v, List<Span> spreads, List<Span> quoted, List<Span> bareValues) {
    if (v instanceof JObject o) {
      for (Member m : o.members()) {
        if (m.key().placeholder() && m.value() instanceof JPlaceholder p && p.span().equals(m.key().span())) {
          spreads.add(p.span());
          continue;
        }
        quoted.add(m.key().span());
        walk(m.value(), spreads, quoted, bareValues);
      }
    } else if (v instanceof JArray a) {
      a.elements().forEach(e -> walk(e, spreads, quoted, bareValues));
    } else if (v instanceof JString || (v instanceof JPlaceholder p && p.quoted())) {
      quoted.add(v.span());
    } else if (v instanceof JPlaceholder) {
      bareValues.add(v.span());
    }
  }

  /** Renders with samples and checks the result parses; errors point back into the template. */
  private static void render(Located template, List<Reference> refs, List<Span> spreads, List<Span> rawValues, List<Span> quoted,
      Map<String, String> contract, TextLines lines, Findings findings) {
    String text = template.text();
    StringBuilder out = new StringBuilder();
    List<int[]> segments = new ArrayList<>(); // {templateStart, templateEnd, renderedStart, renderedEnd, isReference}
    int at = 0;
    for (Reference r : refs) {
      if (r.start() < at) {
        continue;
      }
      segments.add(new int[] {at, r.start(), out.length(), out.length() + r.start() - at, 0});
      out.append(text, at, r.start());
      boolean member = spreads.stream().anyMatch(s -> s.start() <= r.start() && r.end() <= s.end());
      boolean rawValue = rawValues.stream().anyMatch(s -> s.start() <= r.start() && r.end() <= s.end());
      // Inside a JSON string an unescaped input is already reported; render it as if escaped.
      boolean inString = quoted.stream().anyMatch(q -> q.start() <= r.start() && r.end() <= q.end());
      String sample = member ? "" : rawValue ? "0" : sample(inString ? new Reference(r.start(), r.end(), r.input(), true) : r, contract);
      segments.add(new int[] {r.start(), r.end(), out.length(), out.length() + sample.length(), 1});
      out.append(sample);
      at = r.end();
    }
    segments.add(new int[] {at, text.length(), out.length(), out.length() + text.length() - at, 0});
    out.append(text, at, text.length());
    ParsedPayload rendered = TemplateJsonParser.parse(out.toString());
    if (rendered.error().isEmpty()) {
      return;
    }
    var e = rendered.error().get();
    int offset = e.span().start();
    for (int[] seg : segments) {
      if (offset < seg[2] || offset > seg[3] || (offset == seg[3] && seg[4] == 0 && seg[3] > seg[2])) {
        continue;
      }
      int tStart;
      int tEnd;
      String why = "";
      if (seg[4] == 1) {
        tStart = seg[0];
        tEnd = seg[1];
        why = " when " + text.substring(seg[0], seg[1]) + " renders as " + out.substring(seg[2], seg[3]);
      } else {
        tStart = seg[0] + (offset - seg[2]);
        tEnd = Math.min(seg[1], tStart + Math.max(1, e.span().length()));
        Optional<int[]> before = segments.stream().filter(s -> s[4] == 1 && s[3] == seg[2] && s[3] > s[2]).findFirst();
        if (before.isPresent()) {
          why = " after " + text.substring(before.get()[0], before.get()[1]) + " renders as " + out.substring(before.get()[2], before.get()[3]);
        }
      }
      TextLines tl = new TextLines(text);
      findings.add(Rule.TEMPLATE_INVALID_JSON, "the request template does not render to JSON" + why + " (template line "
              + tl.line(tStart) + ", column " + tl.column(tStart) + "): " + e.message(), "", template.span(lines, tStart, tEnd),
          Optional.empty(), List.of("string inputs belong in quotes, escaped: \"$esc.jsonString(${input.x})\""));
      return;
    }
  }

  private static String sample(Reference r, Map<String, String> contract) {
    if (r.input().isEmpty() || (!r.input().get().equals("rawRequest") && !contract.containsKey(r.input().get()))) {
      return "0";
    }
    if (r.input().get().equals("rawRequest")) {
      Map<String, String> all = new LinkedHashMap<>(contract);
      StringBuilder json = new StringBuilder("{");
      for (var e : all.entrySet()) {
        json.append(json.length() > 1 ? "," : "").append(Quoting.quote(e.getKey())).append(':')
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
  private void launch(Located template, JObject body, Target target, TextLines lines, Findings findings)
      throws dev.flowlint.schema.SchemaStore.StoreException {
    boolean known = target.flow().isPresent();
    Optional<Member> flowId = body.member("flowId");
    if (!known && flowId.isPresent() && flowId.get().value() instanceof JString s) {
      known = checker.store().byId(s.value()).isPresent();
    }
    if (!known) {
      return;
    }
    FileReport inner = checker.check("requestTemplate", template.text(),
        new Target(target.flow(), target.flowFrom(), Optional.of(Envelope.FLOW_EXECUTION)));
    for (Diagnostic d : inner.diagnostics()) {
      Span span = template.span(lines, d.span().start(), d.span().end());
      Optional<Fix> fix = d.fix().map(f -> {
        String q = Quoting.quote(f.replacement());
        return new Fix(q.substring(1, q.length() - 1), f.description(), template.span(lines, f.span().start(), f.span().end()));
      });
      Rule rule = d.rule();
      findings.add(rule, "in the request template: " + d.message(), "", span, fix, d.help());
    }
  }
}
