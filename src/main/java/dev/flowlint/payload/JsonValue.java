package dev.flowlint.payload;

import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import java.util.List;
import java.util.Optional;

/** A JSON value of a payload template, with the exact place it was read from. */
public sealed interface JsonValue {
  Span span();

  /** What the value is, in words: "the string \"3\"", "an object" ... */
  String describe();

  record JObject(List<Member> members, Span span) implements JsonValue {
    public Optional<Member> member(String name) {
      // An indexed loop, not a stream or an iterator: asked several times of every payload, and
      // C1, the launcher's only compiler, allocates every iterator.
      for (int i = 0, n = members.size(); i < n; i++) {
        Member m = members.get(i);
        if (!m.key().placeholder() && m.key().name().equals(name)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }

    /** The opening brace: where findings about the whole object point. */
    public Span opening(TextLines lines) {
      return lines.span(span.start(), span.start() + 1);
    }

    public boolean hasPlaceholderKeys() {
      for (Member m : members) {
        if (m.key().placeholder()) {
          return true;
        }
      }
      return false;
    }

    public String describe() {
      return "an object";
    }
  }

  record JArray(List<JsonValue> elements, Span span) implements JsonValue {
    public String describe() {
      return "an array";
    }
  }

  record JString(String value, Span span) implements JsonValue {
    /** Longer strings are shown by their start: a 30,000-character value is no message. */
    static final int SHOWN = 80;

    public String describe() {
      if (value.length() <= SHOWN) {
        return "the string " + Quoting.quote(value);
      }
      int cut = Character.isHighSurrogate(value.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
      return "the string "
          + Quoting.quote(value.substring(0, cut))
          + "... ("
          + value.length()
          + " characters)";
    }
  }

  record JNumber(String text, Span span) implements JsonValue {
    public boolean integral() {
      return !text.contains(".") && !text.contains("e") && !text.contains("E");
    }

    public String describe() {
      return "the number " + text;
    }
  }

  record JBool(boolean value, Span span) implements JsonValue {
    public String describe() {
      return "the boolean " + value;
    }
  }

  record JNull(Span span) implements JsonValue {
    public String describe() {
      return "null";
    }
  }

  /** A template placeholder ({{ x }}, ${input.x} ...): its value is only known when rendered. */
  record JPlaceholder(String text, boolean quoted, Span span) implements JsonValue {
    public String describe() {
      return "the placeholder " + text;
    }
  }

  /**
   * One member of an object. {@code span} covers key to value. A placeholder that injects whole
   * members ({@code { ${input.extra} }}) is a member whose key is a placeholder and whose value is
   * that same placeholder.
   */
  record Member(Key key, JsonValue value, Span span) {}

  /** An object key; {@code span} covers the key token, quotes included. */
  record Key(String name, Span span, boolean placeholder) {}
}
