package dev.flowlint.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.model.Span;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateJsonParserTest {

  private static JObject object(String text) {
    ParsedPayload p = TemplateJsonParser.parse(text);
    assertTrue(p.error().isEmpty(), () -> "parses: " + p.error());
    return (JObject) p.root().orElseThrow();
  }

  private static Member first(String text) {
    return object(text).members().get(0);
  }

  private static void assertSpan(Span s, int line, int col, int endLine, int endCol) {
    assertEquals(
        line + ":" + col + "-" + endLine + ":" + endCol,
        s.line() + ":" + s.column() + "-" + s.endLine() + ":" + s.endColumn());
  }

  @Test
  void keySpanCoversTheQuotedToken() {
    Member m = first("{\n  \"customerId\": 1\n}");
    assertSpan(m.key().span(), 2, 3, 2, 15);
    assertSpan(m.value().span(), 2, 17, 2, 18);
  }

  @Test
  void crlfLineEndsCountOnce() {
    JObject o = object("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}\r\n");
    assertSpan(o.members().get(1).key().span(), 3, 3, 3, 6);
  }

  @Test
  void bomTakesNoColumn() {
    Member m = first("\uFEFF{\"a\": 1}");
    assertSpan(m.key().span(), 1, 2, 1, 5);
    assertEquals(2, m.key().span().start(), "offsets still count the BOM, for --fix");
  }

  @Test
  void columnsCountUtf16CodeUnits() {
    JObject o = object("{\"caf\u00e9\": \"\ud83d\ude00\", \"b\": 1}");
    assertEquals("caf\u00e9", o.members().get(0).key().name());
    assertSpan(o.members().get(0).value().span(), 1, 10, 1, 14);
    assertSpan(o.members().get(1).key().span(), 1, 16, 1, 19);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"{{ user.id }}\"|{{ user.id }}|true",
        "\"{{ guid() }}\"|{{ guid() }}|true",
        "{{ user.id }}|{{ user.id }}|false",
        "{{{ raw }}}|{{{ raw }}}|false",
        "${input.x}|${input.x}|false",
        "$!{input.x}|$!{input.x}|false",
        "$input.x|$input.x|false",
        "$esc.jsonString(${input.x})|$esc.jsonString(${input.x})|false",
        "\"$esc.jsonString($input.x)\"|$esc.jsonString($input.x)|true",
        "\"${input.x}\"|${input.x}|true"
      })
  void placeholdersInValuePosition(String value, String text, boolean quoted) {
    JPlaceholder p = assertInstanceOf(JPlaceholder.class, first("{\"k\": " + value + "}").value());
    assertEquals(text, p.text());
    assertEquals(quoted, p.quoted());
    assertEquals(7, p.span().column(), "after {\"k\": ");
    assertEquals(7 + value.length(), p.span().endColumn());
  }

  @Test
  void aStringWithAPlaceholderInsideIsStillAString() {
    assertInstanceOf(JString.class, first("{\"k\": \"order {{ id }}\"}").value());
  }

  @Test
  void quotesInsideAQuotedJinjaPlaceholderStayInsideIt() {
    // Jinja renders {{ user["id"] }} to text: the JSON string around it is one string.
    JPlaceholder p =
        assertInstanceOf(
            JPlaceholder.class, first("{\"k\": \"{{ user[\"id\"] }}\", \"b\": 1}").value());
    assertEquals("{{ user[\"id\"] }}", p.text());
    assertSpan(p.span(), 1, 7, 1, 25);
    JObject o = object("{\"k\": \"id-{{ user['a'] ~ \"x\" }}\", \"{{ m[\"k\"] }}\": 2}");
    assertEquals("id-{{ user['a'] ~ \"x\" }}", ((JString) o.members().get(0).value()).value());
    assertTrue(o.members().get(1).key().placeholder());
  }

  @Test
  void aBrokenTemplateIsReportedWhereItBreaksNotInsideItsPlaceholder() {
    SyntaxError e =
        TemplateJsonParser.parse("{\"k\": \"{{ u[\"id\"] }}\",\n \"b\": tru}")
            .error()
            .orElseThrow();
    assertEquals("2:7", e.span().line() + ":" + e.span().column(), e.message());
    assertTrue(e.message().contains("tru"), e.message());
  }

  /** Review: JSON strings that merely hold "{{" and "}}" never hide what lies between them. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"i\":{\"Flow.a\":\"x {{\",\"Flow.b\":tru,\"Flow.c\":\"}} y\"}}|1:32",
        "{\"k\": \"{{ u[\"id\"] }}\", \"a\": \"{{ a\", \"b\": tru, \"c\": \"d }}\"}|1:42",
        "{\"k\": \"{{ u[\"id\"] }}\", \"a\": [\"{{ a\"], \"b\": tru, \"c\": [\"d }}\"]}|1:44"
      })
  void aRealErrorBetweenStringsWithBracesIsStillAnError(String text, String at) {
    SyntaxError e = TemplateJsonParser.parse(text).error().orElseThrow();
    assertEquals(at, e.span().line() + ":" + e.span().column(), e.message());
    assertTrue(e.message().contains("tru"), e.message());
  }

  /**
   * Review: each "{{" used to search the rest of the text for "}}", so a broken template with many
   * was quadratic (320 KB took 5 s). The bound is a hang guard a thousand times the linear time.
   */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void manyUnclosedBracesAreReadInLinearTime() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 200_000; i++) {
      b.append("\"{{ a\", ");
    }
    b.append("\"{{ u[\"id\"] }}\", tru]");
    SyntaxError e = TemplateJsonParser.parse(b.toString()).error().orElseThrow();
    assertTrue(e.message().contains("tru"), e.message());
  }

  /** A character beyond the BMP is named whole, not by its first half (U+D83D). */
  @Test
  void anEmojiWhereAValueGoesIsNamedWhole() {
    SyntaxError e = TemplateJsonParser.parse("{\"a\": \ud83d\ude00}").error().orElseThrow();
    assertEquals("unexpected character '\ud83d\ude00': expected a value", e.message());
    assertSpan(e.span(), 1, 7, 1, 9);
    SyntaxError key = TemplateJsonParser.parse("{\ud83d\ude00: 1}").error().orElseThrow();
    assertTrue(key.message().contains("'\ud83d\ude00'"), key.message());
  }

  @Test
  void plainJsonWithBracesInStringsReadsAsBefore() {
    // Valid JSON never takes the template reading: "{{" and "}}" in separate strings stay apart.
    JObject o = object("{\"a\": \"{{\", \"b\": \"}}\"}");
    assertEquals(2, o.members().size());
    assertEquals("{{", ((JString) o.members().get(0).value()).value());
  }

  @Test
  void aTemplateMissingACommaAfterItsPlaceholderIsToldSo() {
    SyntaxError e =
        TemplateJsonParser.parse("{\"k\": \"{{ u[\"id\"] }}\" \"b\": 1}").error().orElseThrow();
    assertEquals("1:23", e.span().line() + ":" + e.span().column());
    assertEquals("missing comma between members", e.message());
    // Quotes that pair no placeholder: the first reading's error, where the string breaks.
    SyntaxError plain =
        TemplateJsonParser.parse("{\"k\": \"a\"b\"\", \"{{ x }}\": 1}").error().orElseThrow();
    assertEquals("1:10", plain.span().line() + ":" + plain.span().column(), plain.message());
  }

  @Test
  void placeholderKeysAndMemberInjection() {
    assertTrue(first("{\"{{ key }}\": 1}").key().placeholder());
    // Partly templated keys may become any input too.
    assertTrue(first("{\"Flow.{{ k }}\": 1}").key().placeholder());
    assertTrue(first("{\"Flow.${input.k}_id\": 1}").key().placeholder());
    assertTrue(first("{\"Flow.$!{k}\": 1}").key().placeholder());
    assertFalse(first("{\"Flow.a{b}\": 1}").key().placeholder());
    assertFalse(first("{\"Flow.{ k }\": 1}").key().placeholder());
    JObject injected = object("{ ${input.extra}, \"b\": 1 }");
    assertTrue(injected.hasPlaceholderKeys());
    assertEquals("b", injected.members().get(1).key().name());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\": 1 \"b\": 2}|missing comma between members|1:9",
        "{\"a\": 1,}|trailing comma before }|1:8",
        "[1, 2,]|trailing comma before ]|1:6",
        "[1 2]|missing comma between elements|1:4",
        "{\"a\": \"x}|unterminated string: the closing \" is missing|1:7",
        "{\"a\" 1}|missing ':' after the key \"a\"|1:2",
        "{a: 1}|object keys must be strings in double quotes: \"a\"|1:2",
        "{'a': 1}|keys must be in double quotes, not single quotes|1:2",
        "{\"a\": 'x'}|strings must use double quotes, not single quotes|1:7",
        "{\"a\": True}|unknown word \"True\": JSON values are strings in double quotes, numbers, true, false, null, objects and arrays|1:7",
        "{\"a\": 01}|invalid number \"01\": no leading zeros|1:7",
        "{\"a\": 1} x|unexpected text after the JSON value|1:10",
        "{\"a\": \"\\q\"}|invalid escape \\q in a string|1:8",
        "{\"a\": 1|unexpected end of input: the object opened here is not closed with }|1:1",
        "''|empty input: expected a JSON value|1:1",
        "{\"a\": {{ x }|unterminated placeholder: \"}}\" is missing|1:7"
      })
  void invalidJsonIsNamedInPlainWords(String text, String message, String at) {
    ParsedPayload p = TemplateJsonParser.parse(text.replace("\\n", "\n"));
    SyntaxError e = p.error().orElseThrow();
    assertEquals(message, e.message());
    assertEquals(at, e.span().line() + ":" + e.span().column());
  }

  @Test
  void commentsAreNamed() {
    SyntaxError e = TemplateJsonParser.parse("{\n  // note\n  \"a\": 1\n}").error().orElseThrow();
    assertEquals("comments are not allowed in JSON", e.message());
    assertEquals("2:3", e.span().line() + ":" + e.span().column());
  }

  @Test
  void unterminatedStringAtTheEndOfALine() {
    SyntaxError e =
        TemplateJsonParser.parse("{\n  \"a\": \"x,\n  \"b\": 1\n}").error().orElseThrow();
    assertEquals(
        "unterminated string: the closing \" is missing before the end of the line", e.message());
    assertEquals(2, e.span().line());
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    SyntaxError e = TemplateJsonParser.parse("[".repeat(100_000)).error().orElseThrow();
    assertEquals("nested too deeply (more than 500 levels)", e.message());
  }
}
