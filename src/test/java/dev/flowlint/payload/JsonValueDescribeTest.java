package dev.flowlint.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.payload.JsonValue.JString;
import org.junit.jupiter.api.Test;

/** How a string value is named in messages: whole when short, by its start when long. */
class JsonValueDescribeTest {
  private static String describe(String value) {
    return new JString(value, null).describe();
  }

  @Test
  void aShortStringIsQuotedWhole() {
    assertEquals("the string \"yes\"", describe("yes"));
    assertEquals("the string \"" + "a".repeat(80) + "\"", describe("a".repeat(80)));
  }

  /** A 30,000-character value made a 30 KB message line (review). */
  @Test
  void aLongStringIsShownByItsStartAndLength() {
    String d = describe("x".repeat(30_000));
    assertEquals("the string \"" + "x".repeat(80) + "\"... (30000 characters)", d);
    // The cut never splits a surrogate pair.
    String emoji = "a".repeat(79) + "\ud83d\ude00" + "b".repeat(100);
    assertTrue(
        describe(emoji).startsWith("the string \"" + "a".repeat(79) + "\"..."), describe(emoji));
  }
}
