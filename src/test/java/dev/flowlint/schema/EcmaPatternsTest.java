package dev.flowlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON Schema patterns are ECMA-262 (read with unicode semantics, as ajv and the JSON Schema test
 * suite read them): java.util.regex refused {@code [^]} and stopped the check, and gave its own
 * meaning to {@code \s}, {@code .}, {@code $}, {@code \cc}, {@code \v} and {@code \b}. Each case is
 * a pattern, a value, and whether ECMA-262 finds the pattern in it (JavaScript's {@code new
 * RegExp(p, "u").test(v)}).
 */
class EcmaPatternsTest {

  private static boolean finds(String pattern, String value) {
    return EcmaPatterns.compile(pattern).matcher(value).find();
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '~',
      quoteCharacter = '"',
      value = {
        // [^] is any character, newline too; [] is none (Java refused both)
        "^[^]*$~a\\nb~true",
        "^[^]$~\\u2028~true",
        "[]~abc~false",
        "^a[]?b$~ab~true",
        // $ is the end of the value, not before a final newline
        "^abc$~abc\\n~false",
        "^abc$~abc~true",
        // \d and \w are ASCII; \s takes Unicode spaces (Java's does not)
        "^\\d$~\\u07c0~false",
        "^\\D$~\\u07c0~true",
        "^\\w$~\\u00e9~false",
        "^\\W$~\\u00e9~true",
        "^\\s$~\\u00a0~true",
        "^\\s$~\\ufeff~true",
        "^\\s$~\\u2003~true",
        "^\\s$~\\u2029~true",
        "^\\s$~\\u0001~false",
        "^\\S$~\\u00a0~false",
        "^\\S$~\\u2013~true",
        "^[\\s]$~\\u00a0~true",
        "^[^\\s]$~\\u00a0~false",
        "^[\\S]$~\\u2013~true",
        "^[\\D-]$~-~true",
        // . refuses only the four line terminators (Java's also refuses U+0085)
        "^.$~\\u0085~true",
        "^.$~\\n~false",
        "^.$~\\u2028~false",
        "^.$~\\ud83d\\ude00~true",
        // control escapes: \cc is U+0003 (Java's is #), \v is U+000B (Java's is a class)
        "^\\cC$~\\u0003~true",
        "^\\cc$~\\u0003~true",
        "^\\cc$~#~false",
        "^\\v$~\\u000b~true",
        "^\\v$~\\n~false",
        "^\\t$~\\t~true",
        "^\\0$~\\u0000~true",
        // \b and \B are about [A-Za-z0-9_] (Java 17's \b also takes other letters)
        "a\\b~a\\u00e9~true",
        "a\\B~a\\u00e9~false",
        "\\bfoo\\b~a foo.~true",
        "[\\b]~\\u0008~true",
        // unicode escapes and properties, with unicode semantics
        "^\\u{1F600}$~\\ud83d\\ude00~true",
        "^\\ud83d\\ude00$~\\ud83d\\ude00~true",
        "^\\x41$~A~true",
        "^\\p{L}+$~\\u00e9t\\u00e9~true",
        "^\\p{Letter}cole$~\\u00e9cole~true",
        "^\\p{Lu}$~a~false",
        "^\\p{digit}+$~\\u09ea\\u09e8~true",
        "^\\p{gc=Nd}$~5~true",
        "^\\p{Script=Greek}$~\\u03b1~true",
        "^\\P{L}$~1~true",
        "^[\\p{L}\\d]+$~a1\\u00e9~true",
        "^\\p{ASCII}+$~abc~true",
        "^\\p{Any}$~\\n~true",
        "^\\p{White_Space}$~\\u00a0~true",
        "^\\p{Hex_Digit}$~\\u0661~false",
        // named groups, backreferences to a group always set, lookbehind
        "^(?<year>\\d{4})-\\k<year>$~2024-2024~true",
        "^(?<year>\\d{4})-\\k<year>$~2024-2025~false",
        "^(a)\\1$~aa~true",
        "^(?:(a)\\1)+$~aaaa~true",
        "(?<=\\$)\\d+~cost $42~true",
        "(?<!\\$)\\b\\d+~$42~false",
        // a lookbehind steps back by code points (Java's stepped by chars in a pattern written
        // without a supplementary character)
        "(?<=\\u{1F600})b~\\ud83d\\ude00b~true",
        "(?<!\\u{1F600})b~\\ud83d\\ude00b~false",
        "(?<![^]{2})b~\\ud83d\\ude00b~true",
        "(?<=^.{0,3})b~ab~true",
        // Java's class syntax is plain characters in ECMA-262
        "^[a&&b]+$~&a~true",
        "^[[a]+$~[a[~true",
        "^[a\\-z]+$~-~true",
        // a - beside a class escape is a - (the u flag refuses it; Java and ECMA-262 without u,
        // which is how e-mail patterns are written, read it so), never a range
        "^[\\w-.]+@[\\w-]+\\.[a-z]{2,}$~a-b.c@d-e.fg~true",
        "^[\\w-\\.]+$~-~true",
        "^[\\d-z]$~-~true",
        "^[\\d-z]$~z~true",
        "^[\\d-z]$~a~false",
        "^[a-\\s]$~b~false",
        "^[a-\\s]$~\\u00a0~true",
        // an escaped punctuation character is itself
        "^\\-\\@\\/$~-@/~true",
        "^\\.$~x~false",
        // quantifiers
        "^a{2,3}$~aaa~true",
        "^a{2,}?$~aaaa~true",
        "^(?:ab)*$~abab~true",
        // a repeated group that may match nothing is run exactly when it holds no assertion, or
        // when it always reads a character
        "^(?:a?){2}b$~ab~true",
        "^(?:\\b\\w+\\b\\s*){2,}$~one two~true",
        "^(?:(?=[a-z])\\w){2}$~ab~true",
      })
  void matchesAsEcma262Does(String pattern, String value, boolean expected) {
    String v = unescape(value);
    assertEquals(expected, finds(pattern, v), pattern + " on " + value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '~',
      quoteCharacter = '"',
      value = {
        "^a\\Z~\\Z is no ECMA-262 escape; write $",
        "^a\\z~\\z is no ECMA-262 escape; write $",
        "\\Aa~\\A is no ECMA-262 escape; write ^",
        "^a++$~possessive",
        "^a*+$~possessive",
        "(?i)abc~no ECMA-262 group",
        "(?>a)~no ECMA-262 group",
        "\\Qa.b\\E~\\Q is no ECMA-262 escape",
        "\\h~\\h is no ECMA-262 escape",
        "\\p{InGreek}~no property",
        "\\p{javaLowerCase}~no property",
        "\\p{IsAlphabetic}~no property",
        "\\p{Script_Extensions=Greek}~no property",
        "\\pL~\\p needs a property",
        "a{2}{3}~cannot be repeated",
        "a**~cannot be repeated",
        "*a~repeats nothing",
        "^[^]]*$~a ] that ends no class",
        "x{,5}~a { that starts no",
        "a}~a } that ends no",
        "^(?=a)*$~cannot be repeated",
        "\\b+~cannot be repeated",
        "(a)?\\1~may be unset",
        "\\1(a)~may be unset",
        "(a)|\\1~may be unset",
        "(a\\1)~may be unset",
        "(?:(a)|b)\\1~may be unset",
        "(?!(a))\\1~may be unset",
        "(?<=(a)\\1)b~may be unset",
        "\\2(a)~refers to no group",
        "^(a)\\10$~refers to no group",
        "\\k<x>~\\k must name a group",
        "(?<a>x)(?<a>y)~is used twice",
        "(?<1a>x)~must be an identifier",
        "(?<=a*b)c~an unbounded quantifier in a lookbehind",
        "(?<=[a-c]*.*^)~an unbounded quantifier in a lookbehind",
        "(?<=a{2,})~an unbounded quantifier in a lookbehind",
        // Java cannot bound these lookbehinds: said in the pattern's terms, located
        "(?<=(?:a\\w?){1,2})d~at index 0, a lookbehind whose longest match Java cannot work out",
        "(?<=a)b(?<!(?:a\\w?){1,2})d~at index 7, a lookbehind whose longest match Java cannot",
        "(?<=a{0,2000000000}b{0,2000000000})x~at index 0, a lookbehind whose longest match Java",
        // Java ends a loop at a repeat that matched nothing, owing the rest: ECMA-262 finds
        // (?:(?=a)a?){2}b in "ab", Java did not, so ^(?!(?:(?=a)a?){2}b) took "ab"
        "^(?:(?=a)a?){2}b~may match nothing, holds an assertion and must repeat at least twice",
        "^(?!(?:(?=a)a?){2}b)~may match nothing, holds an assertion",
        "(?:^|a){2}~may match nothing, holds an assertion",
        "(?:(?:a|\\b)c?){2,3}~may match nothing, holds an assertion",
        "[z-a]~out of order",
        "\\cé~\\c must be followed by a letter",
        "\\01~octal",
        "\\x4~hex digits",
        "\\u{110000}~at most 10FFFF",
        "(a~no group: a ( that is never closed",
        "a)~a ) that closes no group",
        "[a~a [ that is never closed",
        "a\\~a \\ at the end",
      })
  void refusesWhatIsNotEcma262OrNotExact(String pattern, String reason) {
    PatternSyntaxException e =
        assertThrows(PatternSyntaxException.class, () -> EcmaPatterns.compile(pattern));
    String hint = reason.startsWith("no group: ") ? reason.substring(10) : reason;
    assertTrue(e.getDescription().contains(hint), e.getDescription());
    assertTrue(e.getDescription().contains("the pattern " + pattern), e.getDescription());
    assertTrue(e.getIndex() <= pattern.length(), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  /** The CSV cases write the value with JSON-style escapes. */
  private static String unescape(String v) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c == '\\' && k + 1 < v.length()) {
        char n = v.charAt(++k);
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(v.substring(k + 1, k + 5), 16));
            k += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
