package dev.flowlint.check;

import dev.flowlint.model.DataActionShape;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code flowlint check} on a data action export: its contract, then its request template. */
final class DataActionLinter {
  static final String TYPE = "data-action";
  private final TemplateLinter templates;

  DataActionLinter(TemplateLinter templates) {
    this.templates = templates;
  }

  static boolean isExport(JObject root) {
    return DataActionShape.isExport(new Tree(root));
  }

  static boolean isContract(JObject root) {
    return DataActionShape.isContract(new Tree(root));
  }

  /** The payload tree, as {@link DataActionShape} asks. */
  private record Tree(JObject object) implements DataActionShape.JsonObject {
    @Override
    public boolean has(String key) {
      return object.member(key).isPresent();
    }

    @Override
    public Optional<DataActionShape.JsonObject> object(String key) {
      return object
          .member(key)
          .map(Member::value)
          .filter(v -> v instanceof JObject)
          .map(v -> new Tree((JObject) v));
    }

    @Override
    public Optional<String> string(String key) {
      return object
          .member(key)
          .map(Member::value)
          .filter(v -> v instanceof JString)
          .map(v -> ((JString) v).value());
    }
  }

  /**
   * @return the action's name, for the report
   */
  Optional<String> lint(JObject root, Target target, TextLines lines, Findings findings)
      throws StoreException {
    boolean export = isExport(root);
    String pointer = export ? "/contract/input/inputSchema" : "";
    Optional<JsonValue> schemaNode =
        export ? path(root, "contract", "input", "inputSchema") : Optional.of(root);
    Map<String, String> contract = new LinkedHashMap<>();
    Map<String, Span> keys = new LinkedHashMap<>();
    if (schemaNode.isPresent() && schemaNode.get() instanceof JObject schema) {
      ContractLinter.lint(schema, pointer, findings);
      if (schema.member("properties").isPresent()
          && schema.member("properties").get().value() instanceof JObject props) {
        for (Member p : props.members()) {
          contract.put(p.key().name(), typeOf(p.value()));
          keys.put(p.key().name(), p.key().span());
        }
      }
    }
    Optional<String> name = text(root, "name").or(() -> text(root, "title"));
    if (!export) {
      return name;
    }
    Optional<JsonValue> body = path(root, "config", "request", "requestTemplate");
    String method =
        text(root, "config", "request", "requestType").orElse("POST").toUpperCase(Locale.ROOT);
    String url = text(root, "config", "request", "requestUrlTemplate").orElse("");
    List<TemplateLinter.Located> others = new ArrayList<>();
    located(lines, path(root, "config", "request", "requestUrlTemplate")).ifPresent(others::add);
    boolean json = true;
    Optional<JsonValue> headers = path(root, "config", "request", "headers");
    if (headers.isPresent() && headers.get() instanceof JObject h) {
      for (Member m : h.members()) {
        located(lines, Optional.of(m.value())).ifPresent(others::add);
        if (m.key().name().equalsIgnoreCase("Content-Type")
            && m.value() instanceof JString ct
            && !ct.value().toLowerCase(Locale.ROOT).contains("json")) {
          json = false;
        }
      }
    }
    TemplateLinter.Located template =
        located(lines, body).orElse(new TemplateLinter.Located("", new int[] {0}));
    templates.lint(
        new TemplateLinter.Context(
            template, others, contract, keys, method, url, json, target, lines, findings));
    return name.map(dev.flowlint.source.DataActionReader::withoutExportSuffix);
  }

  private static Optional<TemplateLinter.Located> located(
      TextLines lines, Optional<JsonValue> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonValue v = value.get();
    if (v instanceof JString s) {
      return Optional.of(
          new TemplateLinter.Located(
              VelocityComments.blank(s.value()),
              StringOffsets.map(lines.text(), s.span().start())));
    }
    if (v instanceof JsonValue.JPlaceholder p && p.quoted()) {
      // A string that is wholly a placeholder ("${input.payload}"): decode the token exactly.
      String token = lines.text().substring(p.span().start(), p.span().end());
      String decoded = dev.flowlint.io.CanonicalJson.mapper().readTree(token).asString();
      return Optional.of(
          new TemplateLinter.Located(
              VelocityComments.blank(decoded), StringOffsets.map(lines.text(), p.span().start())));
    }
    return Optional.empty();
  }

  private static String typeOf(JsonValue prop) {
    if (prop instanceof JObject o && o.member("type").isPresent()) {
      JsonValue t = o.member("type").get().value();
      if (t instanceof JString s) {
        return s.value();
      }
      if (t instanceof JArray a) {
        // ["null", "integer"]: the type a value has when there is one.
        for (JsonValue e : a.elements()) {
          if (e instanceof JString s && !s.value().equals("null")) {
            return s.value();
          }
        }
      }
    }
    return "string";
  }

  private static Optional<JsonValue> path(JObject root, String... names) {
    JsonValue at = root;
    for (String n : names) {
      if (!(at instanceof JObject o) || o.member(n).isEmpty()) {
        return Optional.empty();
      }
      at = o.member(n).get().value();
    }
    return Optional.of(at);
  }

  private static Optional<String> text(JObject root, String... names) {
    return path(root, names).filter(v -> v instanceof JString).map(v -> ((JString) v).value());
  }
}
