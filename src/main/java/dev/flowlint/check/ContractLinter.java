package dev.flowlint.check;

import dev.flowlint.model.Rule;
import dev.flowlint.payload.JsonValue;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules Genesys puts on data action input contracts, located in the file. */
final class ContractLinter {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]*$");
  private static final Set<String> RESERVED = Set.of("orgId", "integrationId", "rawRequest");
  private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "null");

  private ContractLinter() {}

  /**
   * @param schema the located {@code inputSchema} object; {@code pointer} its JSON Pointer
   */
  static void lint(JObject schema, String pointer, Findings findings) {
    refs(schema, pointer, findings);
    Optional<Member> type = schema.member("type");
    if (type.isPresent()
        && !(type.get().value() instanceof JString s && s.value().equals("object"))) {
      findings.add(
          Rule.CONTRACT_NOT_FLAT,
          "the input contract must be an object, its type is " + type.get().value().describe(),
          pointer + "/type",
          type.get().value().span());
    }
    Optional<Member> props = schema.member("properties");
    if (props.isEmpty() || !(props.get().value() instanceof JObject properties)) {
      return;
    }
    for (Member p : properties.members()) {
      String name = p.key().name();
      String ptr = pointer + "/properties/" + Quoting.pointerToken(name);
      if (RESERVED.contains(name)) {
        findings.add(
            Rule.CONTRACT_RESERVED_NAME,
            "input " + Quoting.quote(name) + " is reserved by Genesys",
            ptr,
            p.key().span());
      } else if (!NAME.matcher(name).matches()) {
        findings.add(
            Rule.CONTRACT_PROPERTY_NAME,
            "input name "
                + Quoting.quote(name)
                + " must start with a letter and hold only letters, digits, '_' and '-'",
            ptr,
            p.key().span());
      }
      if (!(p.value() instanceof JObject prop)) {
        continue;
      }
      Optional<Member> t = prop.member("type");
      if (t.isEmpty()) {
        if (prop.member("properties").isPresent() || prop.member("items").isPresent()) {
          findings.add(
              Rule.CONTRACT_NOT_FLAT,
              "input " + Quoting.quote(name) + " is nested; contracts are flat",
              ptr,
              p.key().span());
        } else if (prop.member("$ref").isEmpty()) {
          findings.add(
              Rule.CONTRACT_PROPERTY_TYPE,
              "input " + Quoting.quote(name) + " has no type",
              ptr,
              p.key().span());
        }
        continue;
      }
      for (String typeName : typeNames(t.get().value())) {
        if (typeName.equals("object") || typeName.equals("array")) {
          findings.add(
              Rule.CONTRACT_NOT_FLAT,
              "input "
                  + Quoting.quote(name)
                  + " is of type "
                  + typeName
                  + ": data action inputs are flat",
              ptr + "/type",
              t.get().value().span());
        } else if (!TYPES.contains(typeName)) {
          findings.add(
              Rule.CONTRACT_PROPERTY_TYPE,
              "input "
                  + Quoting.quote(name)
                  + " has type "
                  + Quoting.quote(typeName)
                  + "; use string, integer, number, boolean or null",
              ptr + "/type",
              t.get().value().span());
        }
      }
    }
  }

  private static java.util.List<String> typeNames(JsonValue type) {
    if (type instanceof JString s) {
      return java.util.List.of(s.value());
    }
    if (type instanceof JArray a) {
      return a.elements().stream().map(e -> e instanceof JString s ? s.value() : "?").toList();
    }
    return java.util.List.of("?");
  }

  private static void refs(JsonValue v, String pointer, Findings findings) {
    if (v instanceof JObject o) {
      for (Member m : o.members()) {
        String ptr = pointer + "/" + Quoting.pointerToken(m.key().name());
        if (m.key().name().equals("$ref")) {
          findings.add(
              Rule.CONTRACT_REF,
              "$ref is not resolved in data action contracts",
              ptr,
              m.key().span());
        }
        refs(m.value(), ptr, findings);
      }
    } else if (v instanceof JArray a) {
      for (int i = 0; i < a.elements().size(); i++) {
        refs(a.elements().get(i), pointer + "/" + i, findings);
      }
    }
  }
}
