package dev.flowlint.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A key with a zero-width space ({@code "Flow.customer\u200b_id"}) was quoted as it is, so the
 * finding read {@code inputData has no input "Flow.customer_id"; did you mean "Flow.customer_id"?}:
 * two names that look the same, and nothing to say why one is wrong. Invisible characters are
 * written as JSON escapes, which name the same string.
 */
class QuotingTest {
  @Test
  void invisibleCharactersAreShownAsEscapes() {
    assertEquals("\"Flow.customer\\u200b_id\"", Quoting.quote("Flow.customer\u200b_id"));
    assertEquals("\"\\ufeffFlow.x\"", Quoting.quote("\ufeffFlow.x"));
    assertEquals("\"Flow.x\\u200d\"", Quoting.quote("Flow.x\u200d"));
    assertEquals("\"a\\u202eb\"", Quoting.quote("a\u202eb")); // right-to-left override
    assertEquals("\"a\\u2028b\"", Quoting.quote("a\u2028b"));
    assertEquals("\"a\\u007fb\\u0085\"", Quoting.quote("a\u007fb\u0085"));
    assertEquals("\"a\\u00adb\"", Quoting.quote("a\u00adb")); // soft hyphen
    assertEquals("\"\\ud800x\"", Quoting.quote("\ud800x")); // a lone surrogate printed as ?
    assertEquals("\"x\\udc00\"", Quoting.quote("x\udc00"));
  }

  @Test
  void visibleTextIsKeptAsItIs() {
    assertEquals("\"Flow.café ü ñ 日本 😀\"", Quoting.quote("Flow.café ü ñ 日本 😀"));
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Quoting.quote("a\"b\\c\n\u0001"));
  }
}
