package dev.flowlint.schema;

import java.util.HashMap;
import java.util.Map;

/**
 * ECMA-262's {@code \p{...}} and {@code \P{...}} as java.util.regex class bodies that match the
 * same code points: the General_Category values, Script, and the binary properties Java has an
 * exact equal of, by every name ECMA-262 takes for them.
 */
final class EcmaProperties {
  /** General_Category values and their aliases, by the short name Java knows. */
  private static final Map<String, String> CATEGORIES = new HashMap<>();

  /** Binary properties ECMA-262 and Java agree on, by every ECMA-262 name. */
  private static final Map<String, String> BINARY = new HashMap<>();

  static {
    String[][] gc = {
      {"C", "Other"},
      {"Cc", "Control", "cntrl"},
      {"Cf", "Format"},
      {"Cn", "Unassigned"},
      {"Co", "Private_Use"},
      {"Cs", "Surrogate"},
      {"L", "Letter"},
      {"LC", "Cased_Letter"},
      {"Ll", "Lowercase_Letter"},
      {"Lm", "Modifier_Letter"},
      {"Lo", "Other_Letter"},
      {"Lt", "Titlecase_Letter"},
      {"Lu", "Uppercase_Letter"},
      {"M", "Mark", "Combining_Mark"},
      {"Mc", "Spacing_Mark"},
      {"Me", "Enclosing_Mark"},
      {"Mn", "Nonspacing_Mark"},
      {"N", "Number"},
      {"Nd", "Decimal_Number", "digit"},
      {"Nl", "Letter_Number"},
      {"No", "Other_Number"},
      {"P", "Punctuation", "punct"},
      {"Pc", "Connector_Punctuation"},
      {"Pd", "Dash_Punctuation"},
      {"Pe", "Close_Punctuation"},
      {"Pf", "Final_Punctuation"},
      {"Pi", "Initial_Punctuation"},
      {"Po", "Other_Punctuation"},
      {"Ps", "Open_Punctuation"},
      {"S", "Symbol"},
      {"Sc", "Currency_Symbol"},
      {"Sk", "Modifier_Symbol"},
      {"Sm", "Math_Symbol"},
      {"So", "Other_Symbol"},
      {"Z", "Separator"},
      {"Zl", "Line_Separator"},
      {"Zp", "Paragraph_Separator"},
      {"Zs", "Space_Separator"}
    };
    for (String[] names : gc) {
      for (String name : names) {
        CATEGORIES.put(name, names[0]);
      }
    }
    String[][] binary = {
      {"IsAlphabetic", "Alphabetic", "Alpha"},
      {"IsLowercase", "Lowercase", "Lower"},
      {"IsUppercase", "Uppercase", "Upper"},
      {"IsWhite_Space", "White_Space", "space"},
      {"IsIdeographic", "Ideographic", "Ideo"},
      {"IsJoin_Control", "Join_Control", "Join_C"},
      {"IsNoncharacter_Code_Point", "Noncharacter_Code_Point", "NChar"},
      {"IsAssigned", "Assigned"}
    };
    for (String[] names : binary) {
      for (int k = 1; k < names.length; k++) {
        BINARY.put(names[k], names[0]);
      }
    }
  }

  private EcmaProperties() {}

  /**
   * The class body for {@code \p{body}} ({@code \P{body}} when negated); "" is no code point.
   *
   * @throws IllegalArgumentException saying why there is none
   */
  static String classBody(String body, boolean negated) {
    String p = negated ? "\\P{" : "\\p{";
    int eq = body.indexOf('=');
    String name = eq < 0 ? null : body.substring(0, eq);
    String value = eq < 0 ? body : body.substring(eq + 1);
    if (name == null || name.equals("General_Category") || name.equals("gc")) {
      String gc = CATEGORIES.get(value);
      if (gc != null) {
        return p + gc + "}";
      }
    }
    if (name != null && (name.equals("Script") || name.equals("sc"))) {
      try {
        Character.UnicodeScript.forName(value);
        if (value.matches("[A-Za-z_]+")) {
          return p + "sc=" + value + "}";
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("no script is named " + value, e);
      }
    }
    if (name == null) {
      String binary = BINARY.get(value);
      if (binary != null) {
        return p + binary + "}";
      }
      switch (value) {
        case "Any":
          return negated ? "" : EcmaPatterns.ANY_SET;
        case "ASCII":
          return EcmaPatterns.ranges(new int[] {0, 0x7F}, negated);
        case "ASCII_Hex_Digit", "AHex":
          return EcmaPatterns.ranges(new int[] {'0', '9', 'A', 'F', 'a', 'f'}, negated);
        case "Hex_Digit", "Hex":
          return EcmaPatterns.ranges(
              new int[] {
                '0', '9', 'A', 'F', 'a', 'f', 0xFF10, 0xFF19, 0xFF21, 0xFF26, 0xFF41, 0xFF46
              },
              negated);
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "\\p{" + body + "} is no property Java matches as ECMA-262 does");
  }
}
