package dev.flowlint.payload;

import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue.JArray;
import dev.flowlint.payload.JsonValue.JBool;
import dev.flowlint.payload.JsonValue.JNull;
import dev.flowlint.payload.JsonValue.JNumber;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.JPlaceholder;
import dev.flowlint.payload.JsonValue.JString;
import dev.flowlint.payload.JsonValue.Key;
import dev.flowlint.payload.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads JSON that may contain template placeholders, keeping the span of every key and value.
 * Placeholders ({@code {{ x }}}, {@code ${input.x}}, {@code $!{input.x}}, {@code $input.x}, {@code
 * $esc.jsonString(${input.x})}) may stand quoted or unquoted where a value goes, and where members
 * go. Errors are reported in plain words at the place they were found.
 */
public final class TemplateJsonParser {
  private static final int MAX_DEPTH = 500;

  /** A string value that is wholly one placeholder. */
  static final Pattern WHOLE_PLACEHOLDER =
      Pattern.compile(
          "\\s*(\\{\\{\\{?[^{}]*\\}?\\}\\}|\\$!?\\{[^{}]*\\}|\\$!?[a-zA-Z][\\w-]*(\\.[a-zA-Z][\\w-]*)*(\\(.*\\))?)\\s*",
          Pattern.DOTALL);

  /** A delimited placeholder inside a longer key: {@code {{ x }}}, {@code ${x}}, {@code $!{x}}. */
  private static final Pattern PART_PLACEHOLDER =
      Pattern.compile("\\{\\{[^{}]*\\}\\}|\\$!?\\{[^{}]*\\}");

  private final String text;
  private final TextLines lines;
  private final boolean placeholders;

  /**
   * Inside a quoted string, {@code {{ ... }}} is read whole, quotes and all: Jinja's {@code "{{
   * user["id"] }}"} renders to one JSON string. Only a retry uses it, so plain JSON that happens to
   * hold "{{" in a string reads exactly as before.
   */
  private final boolean opaqueBraces;

  private int pos;
  private int depth;

  private TemplateJsonParser(String text, boolean placeholders, boolean opaqueBraces) {
    this.text = text;
    this.placeholders = placeholders;
    this.opaqueBraces = opaqueBraces;
    this.lines = new TextLines(text);
    this.pos = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
  }

  public static ParsedPayload parse(String text) {
    return parse(text, true);
  }

  /**
   * Plain JSON: quoted strings are only strings, even "$ref" (for exports and schemas, not
   * templates).
   */
  public static ParsedPayload parseStrict(String text) {
    return parse(text, false);
  }

  private static ParsedPayload parse(String text, boolean placeholders) {
    ParsedPayload first = new TemplateJsonParser(text, placeholders, false).read();
    if (first.error().isEmpty() || !placeholders || !text.contains("{{")) {
      return first;
    }
    // A template whose {{ ... }} holds quotes inside a quoted string. When reading those
    // placeholders whole gets further, what stops it there is the text's real error.
    ParsedPayload retry = new TemplateJsonParser(text, true, true).read();
    return retry.error().isEmpty()
            || retry.error().get().span().start() > first.error().get().span().start()
        ? retry
        : first;
  }

  private ParsedPayload read() {
    try {
      skipWhitespace();
      if (atEnd()) {
        throw error("empty input: expected a JSON value", pos, pos);
      }
      JsonValue root = value();
      skipWhitespace();
      if (!atEnd()) {
        throw error("unexpected text after the JSON value", pos, pos + 1);
      }
      return new ParsedPayload(lines, Optional.of(root), Optional.empty());
    } catch (Failure f) {
      return new ParsedPayload(lines, Optional.empty(), Optional.of(f.error));
    }
  }

  /** Unwinds the parse; carries no stack trace. */
  private static final class Failure extends RuntimeException {
    final SyntaxError error;

    Failure(SyntaxError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  private Failure error(String message, int start, int end) {
    int e = Math.min(Math.max(end, start), text.length());
    return new Failure(new SyntaxError(message, lines.span(Math.min(start, text.length()), e)));
  }

  private Span span(int start) {
    return lines.span(start, pos);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private JsonValue value() {
    if (atEnd()) {
      throw error("unexpected end of input: expected a value", pos, pos);
    }
    char c = peek();
    return switch (c) {
      case '{' -> placeholders && text.startsWith("{{", pos) ? placeholder() : object();
      case '[' -> array();
      case '"' -> string();
      case '$' -> {
        if (!placeholders) {
          throw error("unexpected character '$': expected a value", pos, pos + 1);
        }
        yield placeholder();
      }
      case '\'' -> throw error("strings must use double quotes, not single quotes", pos, pos + 1);
      case '/' -> throw error("comments are not allowed in JSON", pos, pos + 1);
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
      case ',' -> throw error("expected a value before ','", pos, pos + 1);
      case '}', ']' -> throw error("expected a value before '" + c + "'", pos, pos + 1);
      default -> word();
    };
  }

  private JsonValue word() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    String w = text.substring(start, pos);
    switch (w) {
      case "true":
        return new JBool(true, span(start));
      case "false":
        return new JBool(false, span(start));
      case "null":
        return new JNull(span(start));
      case "":
        throw error(
            "unexpected character " + shown(text.codePointAt(start)) + ": expected a value",
            start,
            start + Character.charCount(text.codePointAt(start)));
      default:
        throw error(
            "unknown word \""
                + w
                + "\": JSON values are strings in double quotes, numbers, true, false, null, objects and arrays",
            start,
            pos);
    }
  }

  private JsonValue number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int intStart = pos;
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (pos == intStart) {
      throw error("invalid number: '-' must be followed by digits", start, pos + 1);
    }
    if (pos - intStart > 1 && text.charAt(intStart) == '0') {
      throw error(
          "invalid number \"" + text.substring(start, pos) + "\": no leading zeros", start, pos);
    }
    if (peek() == '.') {
      pos++;
      int frac = pos;
      while (Character.isDigit(peek())) {
        pos++;
      }
      if (pos == frac) {
        throw error(
            "invalid number \"" + text.substring(start, pos) + "\": digits must follow '.'",
            start,
            pos);
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      int exp = pos;
      while (Character.isDigit(peek())) {
        pos++;
      }
      if (pos == exp) {
        throw error(
            "invalid number \""
                + text.substring(start, pos)
                + "\": digits must follow the exponent",
            start,
            pos);
      }
    }
    return new JNumber(text.substring(start, pos), span(start));
  }

  /** Reads a quoted string; one that is wholly a placeholder becomes a quoted placeholder. */
  private JsonValue string() {
    int start = pos;
    String value = stringContent();
    Span span = span(start);
    if (placeholders
        && (value.contains("{{")
            || value.contains("$")) // before the pattern: most strings fail here
        && WHOLE_PLACEHOLDER.matcher(value).matches()) {
      return new JPlaceholder(value.strip(), true, span);
    }
    return new JString(value, span);
  }

  private String stringContent() {
    int start = pos;
    pos++; // opening quote
    // Most strings have no escape: take them whole, without copying char by char.
    int plain = pos;
    while (plain < text.length()) {
      char c = text.charAt(plain);
      if (c == '"') {
        String whole = text.substring(pos, plain);
        pos = plain + 1;
        return whole;
      }
      if (c == '\\' || c < 0x20 || (c == '{' && opaqueBraces)) {
        break;
      }
      plain++;
    }
    StringBuilder out = new StringBuilder().append(text, pos, plain);
    pos = plain;
    while (true) {
      if (atEnd()) {
        throw error("unterminated string: the closing \" is missing", start, start + 1);
      }
      char c = text.charAt(pos);
      int opaque = opaqueBraces && c == '{' ? opaqueEnd(pos) : -1;
      if (opaque > 0) {
        out.append(text, pos, opaque);
        pos = opaque;
        continue;
      }
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c == '\n' || c == '\r') {
        throw error(
            "unterminated string: the closing \" is missing before the end of the line",
            start,
            pos);
      }
      if (c < 0x20) {
        throw error(
            "control character in a string: write it as an escape such as \\t", pos, pos + 1);
      }
      if (c == '\\') {
        if (pos + 1 >= text.length()) {
          throw error("unterminated string: the closing \" is missing", start, start + 1);
        }
        char e = text.charAt(pos + 1);
        switch (e) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case '/' -> out.append('/');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (pos + 6 > text.length()
                || !text.substring(pos + 2, pos + 6).matches("[0-9a-fA-F]{4}")) {
              throw error(
                  "invalid \\u escape: four hex digits must follow \\u",
                  pos,
                  Math.min(pos + 6, text.length()));
            }
            out.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
            pos += 4;
          }
          default -> throw error("invalid escape \\" + e + " in a string", pos, pos + 2);
        }
        pos += 2;
        continue;
      }
      out.append(c);
      pos++;
    }
  }

  /**
   * Where a {{ ... }} starting at {@code at} inside a quoted string ends (after its "}}"), or -1
   * when it is not taken whole. It must close on the same line with no second "{{" before, pair its
   * double quotes as Jinja's string literals do, and have no ',' or ':' between two of its quotes:
   * JSON needs one of them between any two strings, so a region that spans JSON strings ("x {{",
   * "b": 1, "c": "}}") is never taken for one placeholder. One forward scan, ending at the first
   * "}}", "{{" or line end, so a text full of "{{" is still read in linear time.
   */
  private int opaqueEnd(int at) {
    if (!text.startsWith("{{", at)) {
      return -1;
    }
    int quotes = 0;
    boolean separator = false; // a ',' or ':' since the last quote
    for (int i = at + 2; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      if (c == '}' && next == '}') {
        return quotes % 2 == 0 ? i + 2 : -1;
      }
      if (c == '\n' || c == '\r' || (c == '{' && next == '{')) {
        return -1;
      }
      if (c == '\\') {
        i++; // an escaped quote is JSON's, not a Jinja literal's
      } else if (c == '"') {
        if (separator && quotes > 0) {
          return -1;
        }
        quotes++;
        separator = false;
      } else if (c == ',' || c == ':') {
        separator = true;
      }
    }
    return -1;
  }

  /** An unquoted placeholder: {{ ... }}, ${...}, $!{...}, $a.b, $a.b(...). */
  private JsonValue placeholder() {
    int start = pos;
    if (text.startsWith("{{", pos)) {
      int close = text.indexOf("}}", pos + 2);
      if (close < 0) {
        throw error("unterminated placeholder: \"}}\" is missing", start, start + 2);
      }
      pos = close + 2;
      if (text.startsWith("{{{", start) && peek() == '}') {
        pos++;
      }
      return new JPlaceholder(text.substring(start, pos), false, span(start));
    }
    pos++; // $
    if (peek() == '!') {
      pos++;
    }
    if (peek() == '{') {
      // ${a.b(...)} or ${a|alternative}: a reference, then '}'. Anything else means the '}' is
      // missing, and the error belongs where the placeholder starts, not where the text ends.
      pos++;
      if (Character.isLetter(peek())) {
        identifierChain();
      }
      if (peek() == '|') {
        while (pos < text.length() && peek() != '}' && peek() != '\n') {
          pos++;
        }
      }
      if (peek() != '}') {
        throw error(
            "unterminated placeholder "
                + Quoting.quote(text.substring(start, Math.min(pos, start + 40)))
                + ": '}' is missing",
            start,
            Math.min(start + 2 + (text.charAt(start + 1) == '!' ? 1 : 0), text.length()));
      }
      pos++;
    } else if (Character.isLetter(peek())) {
      identifierChain();
    } else {
      throw error(
          "unexpected character '$': expected a value or a placeholder such as ${input.x}",
          start,
          start + 1);
    }
    return new JPlaceholder(text.substring(start, pos), false, span(start));
  }

  /** Velocity reference body: a.b.c, optionally called with balanced parentheses. */
  private void identifierChain() {
    while (true) {
      while (pos < text.length()
          && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
        pos++;
      }
      if (peek() == '(') {
        balancedParens();
      }
      if (peek() == '.' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1))) {
        pos++;
        continue;
      }
      return;
    }
  }

  private void balancedParens() {
    int start = pos;
    int level = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        stringContent();
        continue;
      }
      pos++;
      if (c == '(') {
        level++;
      } else if (c == ')' && --level == 0) {
        return;
      }
    }
    throw error("unterminated placeholder: ')' is missing", start, start + 1);
  }

  private JsonValue object() {
    int start = pos;
    enter(start);
    pos++; // {
    List<Member> members = new ArrayList<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new JObject(members, span(start));
    }
    while (true) {
      skipWhitespace();
      members.add(member(start, !members.isEmpty()));
      skipWhitespace();
      if (atEnd()) {
        throw error(
            "unexpected end of input: the object opened here is not closed with }",
            start,
            start + 1);
      }
      char c = peek();
      if (c == ',') {
        int comma = pos;
        pos++;
        skipWhitespace();
        if (peek() == '}') {
          throw error("trailing comma before }", comma, comma + 1);
        }
        continue;
      }
      if (c == '}') {
        pos++;
        depth--;
        return new JObject(members, span(start));
      }
      if (c == '"') {
        throw error("missing comma between members", pos, pos + 1);
      }
      throw error(
          "unexpected character "
              + shown(text.codePointAt(pos))
              + " after a member: expected ',' or '}'",
          pos,
          pos + Character.charCount(text.codePointAt(pos)));
    }
  }

  private Member member(int objectStart, boolean afterComma) {
    int start = pos;
    if (atEnd()) {
      throw error(
          "unexpected end of input: the object opened here is not closed with }",
          objectStart,
          objectStart + 1);
    }
    char c = peek();
    if (c == '"') {
      String name = stringContent();
      Span keySpan = span(start);
      // A key only partly templated ("Flow.{{ k }}") may also become any input: as unknown as a
      // wholly templated one.
      boolean placeholder =
          placeholders
              && (((name.contains("{{") || name.contains("$"))
                      && WHOLE_PLACEHOLDER.matcher(name).matches())
                  || (name.indexOf('{') >= 0 && PART_PLACEHOLDER.matcher(name).find()));
      skipWhitespace();
      if (peek() != ':') {
        throw error(
            "missing ':' after the key " + Quoting.quote(name), keySpan.start(), keySpan.end());
      }
      pos++;
      skipWhitespace();
      JsonValue value = value();
      return new Member(
          new Key(name, keySpan, placeholder), value, lines.span(start, value.span().end()));
    }
    if (placeholders && (c == '$' || text.startsWith("{{", pos))) {
      JsonValue ph = placeholder();
      skipWhitespace();
      if (peek() == ':') {
        pos++;
        skipWhitespace();
        JsonValue value = value();
        JPlaceholder key = (JPlaceholder) ph;
        return new Member(
            new Key(key.text(), key.span(), true), value, lines.span(start, value.span().end()));
      }
      // A placeholder standing for whole members, e.g. { ${input.extra} }.
      JPlaceholder p = (JPlaceholder) ph;
      return new Member(new Key(p.text(), p.span(), true), p, p.span());
    }
    if (c == '}' && afterComma) {
      throw error("trailing comma before }", start, start + 1);
    }
    if (c == '\'') {
      throw error("keys must be in double quotes, not single quotes", start, start + 1);
    }
    if (c == '/') {
      throw error("comments are not allowed in JSON", start, start + 1);
    }
    if (Character.isLetter(c) || c == '_') {
      int end = start;
      while (end < text.length()
          && (Character.isLetterOrDigit(text.charAt(end))
              || text.charAt(end) == '_'
              || text.charAt(end) == '.')) {
        end++;
      }
      throw error(
          "object keys must be strings in double quotes: \"" + text.substring(start, end) + "\"",
          start,
          end);
    }
    throw error(
        "unexpected character "
            + shown(text.codePointAt(start))
            + ": expected a key in double quotes",
        start,
        start + Character.charCount(text.codePointAt(start)));
  }

  private JsonValue array() {
    int start = pos;
    enter(start);
    pos++; // [
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new JArray(elements, span(start));
    }
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        throw error(
            "unexpected end of input: the array opened here is not closed with ]",
            start,
            start + 1);
      }
      elements.add(value());
      skipWhitespace();
      if (atEnd()) {
        throw error(
            "unexpected end of input: the array opened here is not closed with ]",
            start,
            start + 1);
      }
      char c = peek();
      if (c == ',') {
        int comma = pos;
        pos++;
        skipWhitespace();
        if (peek() == ']') {
          throw error("trailing comma before ]", comma, comma + 1);
        }
        continue;
      }
      if (c == ']') {
        pos++;
        depth--;
        return new JArray(elements, span(start));
      }
      if (c == '}') {
        throw error("'}' where the array needs ']'", pos, pos + 1);
      }
      throw error("missing comma between elements", pos, pos + 1);
    }
  }

  private void enter(int start) {
    if (++depth > MAX_DEPTH) {
      throw error("nested too deeply (more than " + MAX_DEPTH + " levels)", start, start + 1);
    }
  }

  /**
   * A character for a message: quoted when it can be seen, else by its code point ({@code U+FEFF
   * (byte order mark)}), since a BOM or a zero-width space pasted mid-payload prints as nothing.
   */
  static String shown(int c) {
    boolean visible =
        switch (Character.getType(c)) {
          case Character.CONTROL,
              Character.FORMAT,
              Character.SPACE_SEPARATOR,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR,
              Character.SURROGATE,
              Character.UNASSIGNED,
              Character.PRIVATE_USE ->
              c == ' ';
          default -> true;
        };
    if (visible) {
      return "'" + new String(Character.toChars(c)) + "'"; // a whole emoji, not half of it
    }
    String code = String.format("U+%04X", c);
    return switch (c) {
      case '\uFEFF' -> code + " (byte order mark)";
      case '\u00A0' -> code + " (no-break space)";
      default -> code;
    };
  }
}
