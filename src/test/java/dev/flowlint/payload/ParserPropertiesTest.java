package dev.flowlint.payload;

import static dev.flowlint.Properties.forAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.Properties;
import dev.flowlint.model.Span;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import org.junit.jupiter.api.Test;

/**
 * The payload parser on generated and broken texts: it never throws, and every span lies inside the
 * text.
 */
class ParserPropertiesTest {

  @Test
  void anyStringParsesOrFailsInWords() {
    forAll(
        "any string",
        2000,
        r -> Properties.string(r, 40),
        text -> {
          check(text, TemplateJsonParser.parse(text));
          check(text, TemplateJsonParser.parseStrict(text));
        });
  }

  @Test
  void generatedPayloadsParseWithSpansInside() {
    forAll(
        "generated payload",
        1000,
        PayloadGen::payload,
        text -> {
          ParsedPayload p = TemplateJsonParser.parse(text);
          assertTrue(p.root().isPresent(), () -> "a generated payload is JSON: " + p.error());
          check(text, p);
        });
  }

  @Test
  void brokenPayloadsNeverThrow() {
    forAll(
        "broken payload",
        2000,
        PayloadGen::mangled,
        text -> {
          check(text, TemplateJsonParser.parse(text));
          check(text, TemplateJsonParser.parseStrict(text));
        });
  }

  /** Exactly one of tree and error; every span within the text and its line/column consistent. */
  static void check(String text, ParsedPayload p) {
    assertTrue(p.root().isPresent() != p.error().isPresent(), "a tree or an error, not both");
    p.error()
        .ifPresent(
            e -> {
              inside(text, e.span());
              assertTrue(!e.message().isBlank());
            });
    p.root().ifPresent(r -> walk(text, r));
    p.root().ifPresent(DuplicateKeys::find);
  }

  private static void walk(String text, JsonValue v) {
    inside(text, v.span());
    if (v instanceof JObject o) {
      for (Member m : o.members()) {
        inside(text, m.key().span());
        inside(text, m.span());
        if (!(m.value() instanceof JsonValue.JPlaceholder ph && ph.span().equals(m.key().span()))) {
          walk(text, m.value());
        }
      }
    } else if (v instanceof JArray a) {
      a.elements().forEach(e -> walk(text, e));
    }
  }

  static void inside(String text, Span s) {
    assertTrue(
        0 <= s.start() && s.start() <= s.end() && s.end() <= text.length(),
        () -> "span " + s + " outside a text of " + text.length());
    assertTrue(s.line() >= 1 && s.column() >= 1 && s.endLine() >= s.line(), () -> "span " + s);
  }
}
