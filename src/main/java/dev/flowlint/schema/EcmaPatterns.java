package dev.flowlint.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JSON Schema {@code pattern} is an ECMA-262 regular expression, read with unicode semantics (the
 * {@code u} flag, as ajv and the JSON Schema test suite read it); java.util.regex reads many of the
 * same characters differently or refuses them: {@code [^]} (any character) stopped a check, {@code
 * \s} missed a no-break space, {@code .} refused U+0085, {@code \cc} was {@code #}, {@code \v} was
 * a class, {@code $} matched before a final newline, and {@code \Z}, {@code \A}, possessive
 * quantifiers, {@code (?i)} and {@code \Q...\E} had Java's meaning where ECMA-262 has none. This
 * class translates an ECMA-262 pattern into a java.util.regex pattern with the same matches, or
 * refuses it with a located {@link PatternSyntaxException} saying what is not ECMA-262 (or cannot
 * be run by Java exactly): never a pattern that quietly means something else.
 *
 * <p>It is lenient in two ways only, where the {@code u} flag refuses what Java and ECMA-262
 * without {@code u} both accept and read alike: an escaped punctuation character outside a class
 * ({@code \-}, {@code \@}) is that character, and a {@code -} beside a class escape in a class
 * ({@code [\w-.]}, common in e-mail patterns) is a {@code -}, not a range.
 */
public final class EcmaPatterns {
  private static final int[] DIGIT = {'0', '9'};
  private static final int[] WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};

  /** ECMA-262 WhiteSpace and LineTerminator, what {@code \s} matches. */
  private static final int[] SPACE = {
    0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F,
    0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF
  };

  private static final String WORD_CLASS = "[" + ranges(WORD, false) + "]";

  /** Every code point, as a class body. */
  static final String ANY_SET = "\\x{0}-\\x{10FFFF}";

  private static final String ANY = "[" + ANY_SET + "]";
  private static final String NOTHING = "(?:(?!))";

  private EcmaPatterns() {}

  /** The pattern, compiled to match what ECMA-262 matches. */
  public static Pattern compile(String ecma) {
    Translator translator = new Translator(ecma);
    String java = translator.run();
    try {
      return Pattern.compile(java);
    } catch (PatternSyntaxException e) {
      throw translator.refusedByJava(e);
    }
  }

  /** The java.util.regex form of an ECMA-262 pattern. */
  public static String toJava(String ecma) {
    return new Translator(ecma).run();
  }

  /** A pattern refused, located in its own words: the message is the description alone. */
  private static final class Refused extends PatternSyntaxException {
    private static final long serialVersionUID = 1L;

    Refused(String description, String pattern, int index) {
      super(description, pattern, index);
    }

    @Override
    public String getMessage() {
      return getDescription();
    }
  }

  /**
   * A group, or the whole pattern: where a backreference may be told safe, and whether a repeat of
   * it is one Java runs exactly.
   */
  private static final class Frame {
    int alternative;
    boolean alternatives;
    boolean optional;
    boolean consumes; // the alternative being read surely reads a character
    boolean mayBeEmpty; // an alternative read so far may match nothing
    boolean assertion; // an assertion (^, $, \b, \B, a lookaround) anywhere inside
    final boolean lookaround;
    final boolean lookbehind;

    Frame(boolean lookaround, boolean lookbehind) {
      this.lookaround = lookaround;
      this.lookbehind = lookbehind;
    }
  }

  /** A capturing group: the frames around it, each with the alternative it is in. */
  private record Group(List<Frame> around, List<Integer> alternatives, Frame self) {}

  private static final class Translator {
    private final String s;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final List<int[]> lookbehinds = new ArrayList<>(); // where each starts: pattern, out
    private final int groupCount;
    private int i;

    Translator(String s) {
      this.s = s;
      this.groupCount = countGroups();
    }

    String run() {
      frames.push(new Frame(false, false));
      disjunction();
      if (i < s.length()) {
        throw fail(i, "a ) that closes no group");
      }
      return out.toString();
    }

    /**
     * Java's refusal of the translation, in the pattern's terms: the one Java gives is a lookbehind
     * whose longest match it cannot bound (a repeated group in it, or counts that overflow).
     */
    PatternSyntaxException refusedByJava(PatternSyntaxException e) {
      int[] lookbehind = null;
      for (int[] l : lookbehinds) {
        if (l[1] <= e.getIndex()) {
          lookbehind = l; // the last one to start before where Java stopped
        }
      }
      if (lookbehind != null && e.getDescription().startsWith("Look-behind")) {
        return fail(
            lookbehind[0],
            "a lookbehind whose longest match Java cannot work out (a repeated group in it, or"
                + " counts that add up past 2147483647); write the repeats out or lower the"
                + " counts");
      }
      return new Refused(
          "the pattern "
              + s
              + " cannot be matched as ECMA-262 reads it: Java's regex engine refuses its"
              + " translation: "
              + e.getDescription(),
          s,
          -1);
    }

    private PatternSyntaxException fail(int at, String what) {
      return new Refused(
          "the pattern "
              + s
              + " cannot be matched as ECMA-262 (JSON Schema's regular expressions) reads"
              + " it: at index "
              + at
              + ", "
              + what,
          s,
          at);
    }

    /** Capturing groups and their names, counted first: a reference may come before its group. */
    private int countGroups() {
      int n = 0;
      boolean inClass = false;
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '\\') {
          k++;
        } else if (inClass) {
          inClass = c != ']';
        } else if (c == '[') {
          inClass = true;
        } else if (c == '(') {
          if (!s.startsWith("?", k + 1)) {
            n++;
          } else if (s.startsWith("?<", k + 1)
              && !s.startsWith("?<=", k + 1)
              && !s.startsWith("?<!", k + 1)) {
            n++;
            int end = s.indexOf('>', k);
            if (end > 0 && names.putIfAbsent(s.substring(k + 3, end), n) != null) {
              throw fail(k, "the group name " + s.substring(k + 3, end) + " is used twice");
            }
          }
        }
      }
      return n;
    }

    private void disjunction() {
      alternative();
      while (i < s.length() && s.charAt(i) == '|') {
        Frame f = frames.element();
        f.alternative++;
        f.alternatives = true;
        f.mayBeEmpty |= !f.consumes;
        f.consumes = false;
        out.append('|');
        i++;
        alternative();
      }
    }

    private void alternative() {
      while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
        term();
      }
    }

    private void term() {
      int start = i;
      char c = s.charAt(i);
      boolean assertion = false;
      boolean consumes = true; // the atom reads at least one character wherever it matches
      Frame group = null;
      switch (c) {
        case '^' -> {
          out.append('^');
          i++;
          assertion = true;
        }
        case '$' -> {
          out.append("\\z"); // the end of the value; Java's $ also matches before a final newline
          i++;
          assertion = true;
        }
        case '(' -> {
          group = group();
          assertion = group.lookaround;
          consumes = !group.lookaround && !group.mayBeEmpty;
        }
        case '[' -> characterClass();
        case '.' -> {
          out.append("[^\\x{A}\\x{D}\\x{2028}\\x{2029}]"); // Java's . also refuses U+0085
          i++;
        }
        case '*', '+', '?' -> throw fail(i, c + " repeats nothing");
        case '{' ->
            throw fail(
                i, quantifierAt(i) ? "{ repeats nothing" : "a { that starts no {n,m}; write \\{");
        case '}' -> throw fail(i, "a } that ends no {n,m}; write \\}");
        case ']' -> throw fail(i, "a ] that ends no class; write \\]");
        case '\\' -> {
          assertion = atomEscape();
          consumes = !assertion && !backreferenceAt(start);
        }
        default -> {
          int cp = s.codePointAt(i);
          i += Character.charCount(cp);
          literal(cp);
        }
      }
      Frame here = frames.element();
      here.assertion |= assertion;
      long min = quantifier(start, assertion, group);
      here.consumes |= consumes && !assertion && min > 0;
    }

    private boolean backreferenceAt(int at) {
      char c = s.charAt(at + 1);
      return c >= '1' && c <= '9' || c == 'k';
    }

    private boolean quantifierAt(int at) {
      if (at >= s.length()) {
        return false;
      }
      char c = s.charAt(at);
      if (c == '*' || c == '+' || c == '?') {
        return true;
      }
      return c == '{' && braces(at) != null;
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}: min, max (-1: none), end. */
    private long[] braces(int at) {
      int k = at + 1;
      int d = k;
      while (k < s.length() && Character.isDigit(s.charAt(k)) && s.charAt(k) < 128) {
        k++;
      }
      if (k == d) {
        return null;
      }
      long min = number(d, k);
      long max = min;
      if (k < s.length() && s.charAt(k) == ',') {
        k++;
        int e = k;
        while (k < s.length() && Character.isDigit(s.charAt(k)) && s.charAt(k) < 128) {
          k++;
        }
        max = e == k ? -1 : number(e, k);
      }
      if (k >= s.length() || s.charAt(k) != '}') {
        return null;
      }
      return new long[] {min, max, k + 1};
    }

    private long number(int from, int to) {
      String digits = s.substring(from, to).replaceFirst("^0+(?=.)", "");
      return digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The quantifier after an atom, if any; the least number of repeats it takes (1: none). */
    private long quantifier(int start, boolean assertion, Frame group) {
      if (!quantifierAt(i)) {
        return 1;
      }
      if (assertion) {
        throw fail(i, "an assertion (" + s.substring(start, i) + ") cannot be repeated");
      }
      long min;
      boolean unbounded;
      char c = s.charAt(i);
      if (c == '{') {
        long[] b = braces(i);
        min = b[0];
        unbounded = b[1] < 0;
        if (b[0] > Integer.MAX_VALUE || b[1] > Integer.MAX_VALUE) {
          throw fail(i, "a repeat count above " + Integer.MAX_VALUE);
        }
        if (b[1] >= 0 && b[1] < b[0]) {
          throw fail(i, "a {n,m} with m below n");
        }
        out.append(s, i, (int) b[2]);
        i = (int) b[2];
      } else {
        min = c == '+' ? 1 : 0;
        unbounded = c != '?';
        out.append(c);
        i++;
      }
      if (i < s.length() && s.charAt(i) == '?') {
        out.append('?');
        i++;
      }
      if (i < s.length() && s.charAt(i) == '+') {
        throw fail(i, "a possessive quantifier (" + s.substring(start, i + 1) + ") is Java's");
      }
      if (quantifierAt(i)) {
        throw fail(i, "a quantifier cannot be repeated (" + s.substring(start, i + 1) + ")");
      }
      if (group != null && min == 0) {
        group.optional = true;
      }
      if (group != null && min >= 2 && group.mayBeEmpty && group.assertion) {
        // Java ends a loop at the first repeat that matched nothing, counting it as all the
        // repeats still owed; ECMA-262 runs them, and one may then match where an assertion
        // let the first one match nothing: ^(?:(?=a)a?){2}b finds "ab", Java's reading does not.
        throw fail(
            start,
            "a group that may match nothing, holds an assertion and must repeat at least twice ("
                + s.substring(start, i)
                + "), which Java does not run exactly; make the group match at least one"
                + " character, or write its repeats out");
      }
      if (unbounded) {
        for (Frame f : frames) {
          if (f.lookbehind) {
            // Java sums a lookbehind's longest match in an int: past Integer.MAX_VALUE it wraps,
            // and the lookbehind quietly fails where ECMA-262's matches.
            throw fail(
                start,
                "an unbounded quantifier in a lookbehind, which Java does not run exactly;"
                    + " give it an upper bound ({0,n} for *)");
          }
        }
      }
      return min;
    }

    private Frame group() {
      int start = i;
      Frame f;
      if (s.startsWith("(?=", i) || s.startsWith("(?!", i)) {
        f = new Frame(true, false);
        out.append(s, i, i + 3);
        i += 3;
      } else if (s.startsWith("(?<=", i) || s.startsWith("(?<!", i)) {
        f = new Frame(true, true);
        lookbehinds.add(new int[] {i, out.length()});
        out.append(s, i, i + 4).append("(?:");
        i += 4;
      } else if (s.startsWith("(?:", i)) {
        f = new Frame(false, false);
        out.append("(?:");
        i += 3;
      } else if (s.startsWith("(?<", i)) {
        int end = s.indexOf('>', i);
        String name = end < 0 ? "" : s.substring(i + 3, end);
        if (!validName(name)) {
          throw fail(i, "a group name must be an identifier, got (?<" + name);
        }
        f = capture();
        i = end + 1;
      } else if (s.startsWith("(?", i)) {
        throw fail(
            i,
            "(?"
                + (i + 2 < s.length() ? s.charAt(i + 2) : "")
                + " is no ECMA-262 group (inline flags, atomic groups and comments are Java's)");
      } else {
        f = capture();
        i++;
      }
      frames.push(f);
      disjunction();
      frames.pop();
      f.mayBeEmpty |= !f.consumes;
      frames.element().assertion |= f.assertion || f.lookaround;
      if (i >= s.length()) {
        throw fail(start, "a ( that is never closed");
      }
      if (f.lookbehind) {
        // An alternative that never matches, with a supplementary character written out: Java
        // then steps back by code points, not chars, and never starts a lookbehind inside a pair.
        out.append(")|(?!)").appendCodePoint(0x1F600);
      }
      out.append(')');
      i++;
      return f;
    }

    private Frame capture() {
      Frame self = new Frame(false, false);
      List<Frame> around = new ArrayList<>(frames);
      List<Integer> alternatives = new ArrayList<>();
      for (Frame f : around) {
        alternatives.add(f.alternative);
      }
      groups.add(new Group(around, alternatives, self));
      out.append('(');
      return self;
    }

    private static boolean validName(String name) {
      if (name.isEmpty()) {
        return false;
      }
      for (int k = 0; k < name.length(); ) {
        int cp = name.codePointAt(k);
        boolean ok =
            cp == '$'
                || cp == '_'
                || (k == 0
                    ? Character.isUnicodeIdentifierStart(cp)
                    : Character.isUnicodeIdentifierPart(cp));
        if (!ok) {
          return false;
        }
        k += Character.charCount(cp);
      }
      return true;
    }

    /** After a backslash outside a class; true when it was an assertion. */
    private boolean atomEscape() {
      int start = i;
      if (i + 1 >= s.length()) {
        throw fail(i, "a \\ at the end");
      }
      char c = s.charAt(i + 1);
      if (c == 'b' || c == 'B') {
        // ECMA-262's word characters are [A-Za-z0-9_]; Java 17's \b also takes other letters.
        String w = WORD_CLASS;
        out.append(
            c == 'b'
                ? "(?:(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + "))"
                : "(?:(?<=" + w + ")(?=" + w + ")|(?<!" + w + ")(?!" + w + "))");
        i += 2;
        return true;
      }
      if (c >= '1' && c <= '9') {
        int k = i + 1;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
          k++;
        }
        long n = number(i + 1, k);
        if (n > groupCount) {
          throw fail(
              i,
              "\\" + s.substring(i + 1, k) + " refers to no group (there are " + groupCount + ")");
        }
        backreference(start, (int) n);
        i = k;
        return false;
      }
      if (c == 'k') {
        int end = s.indexOf('>', i);
        if (!s.startsWith("\\k<", i) || end < 0 || !names.containsKey(s.substring(i + 3, end))) {
          throw fail(i, "\\k must name a group: \\k<name>");
        }
        backreference(start, names.get(s.substring(i + 3, end)));
        i = end + 1;
        return false;
      }
      Object set = escape(false);
      if (set instanceof String cls) {
        out.append(cls.isEmpty() ? NOTHING : "[" + cls + "]");
      } else {
        literal((Integer) set);
      }
      return false;
    }

    /**
     * A backreference Java reads as ECMA-262 does: to a group that is always set when the reference
     * is reached (ECMA-262 matches an unset group's reference with nothing, Java with no match).
     */
    private void backreference(int at, int n) {
      Group g = groups.size() >= n ? groups.get(n - 1) : null;
      boolean safe = g != null && !frames.contains(g.self()) && !g.self().optional;
      List<Frame> here = new ArrayList<>(frames);
      for (Frame f : here) {
        safe &= !f.lookbehind;
      }
      if (safe) {
        // frames listed innermost first: compare from the outermost
        int common = 0;
        int a = g.around().size();
        int b = here.size();
        while (common < a
            && common < b
            && g.around().get(a - 1 - common) == here.get(b - 1 - common)
            && g.alternatives().get(a - 1 - common) == here.get(b - 1 - common).alternative) {
          common++;
        }
        for (int k = 0; k < a - common; k++) {
          Frame f = g.around().get(k);
          safe &= !f.alternatives && !f.optional && !f.lookaround;
        }
        if (common < a
            && common < b
            && g.around().get(a - 1 - common) == here.get(b - 1 - common)) {
          safe = false; // the same group, another alternative
        }
      }
      if (!safe) {
        throw fail(
            at,
            "a backreference to a group that may be unset or reset where it is used (ECMA-262"
                + " then matches nothing, Java fails)");
      }
      out.append("(?:\\").append(n).append(')');
    }

    /**
     * An escape after its backslash, outside a class or in one: a code point (Integer) or a set
     * (String: a class body of ranges, or a Java \p{...}).
     */
    private Object escape(boolean inClass) {
      int at = i;
      char c = s.charAt(i + 1);
      i += 2;
      switch (c) {
        case 'd':
          return ranges(DIGIT, false);
        case 'D':
          return ranges(DIGIT, true);
        case 'w':
          return ranges(WORD, false);
        case 'W':
          return ranges(WORD, true);
        case 's':
          return ranges(SPACE, false);
        case 'S':
          return ranges(SPACE, true);
        case 'p', 'P':
          return property(at, c == 'P');
        case 'f':
          return 0x0C;
        case 'n':
          return 0x0A;
        case 'r':
          return 0x0D;
        case 't':
          return 0x09;
        case 'v':
          return 0x0B; // Java's \v is a class of vertical space
        case 'c':
          if (i < s.length() && (s.charAt(i) | 0x20) >= 'a' && (s.charAt(i) | 0x20) <= 'z') {
            return s.charAt(i++) % 32; // Java's \cc is '#'
          }
          throw fail(at, "\\c must be followed by a letter");
        case '0':
          if (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            throw fail(at, "an octal escape (\\0" + s.charAt(i) + "); write \\x or \\u");
          }
          return 0;
        case 'x':
          return hex(at, 2);
        case 'u':
          return unicode(at);
        case '-':
          return (int) '-';
        case 'b':
          if (inClass) {
            return 0x08;
          }
          break;
        default:
          break;
      }
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
        String hint =
            switch (c) {
              case 'Z', 'z' -> "; write $ for the end of the value";
              case 'A' -> "; write ^ for the start of the value";
              case 'Q', 'E' -> "; escape each character instead of \\Q...\\E";
              case 'h' -> "; write [ \\t] or \\s";
              default -> "";
            };
        throw fail(at, "\\" + c + (inClass ? " in a class" : "") + " is no ECMA-262 escape" + hint);
      }
      int cp = s.codePointAt(at + 1);
      i = at + 1 + Character.charCount(cp);
      return cp;
    }

    private int hex(int at, int digits) {
      if (i + digits > s.length()) {
        throw fail(at, "\\" + s.charAt(at + 1) + " needs " + digits + " hex digits");
      }
      int v = 0;
      for (int k = 0; k < digits; k++) {
        int d = Character.digit(s.charAt(i + k), 16);
        if (d < 0 || s.charAt(i + k) > 127) {
          throw fail(at, "\\" + s.charAt(at + 1) + " needs " + digits + " hex digits");
        }
        v = v * 16 + d;
      }
      i += digits;
      return v;
    }

    private int unicode(int at) {
      if (i < s.length() && s.charAt(i) == '{') {
        int end = s.indexOf('}', i);
        String digits = end < 0 ? "" : s.substring(i + 1, end);
        if (!digits.matches("[0-9A-Fa-f]{1,8}") || Long.parseLong(digits, 16) > 0x10FFFF) {
          throw fail(at, "\\u{...} needs a code point in hex, at most 10FFFF");
        }
        i = end + 1;
        return Integer.parseInt(digits, 16);
      }
      int v = hex(at, 4);
      if (Character.isHighSurrogate((char) v) && s.startsWith("\\u", i)) {
        int save = i;
        i += 2;
        try {
          int low = hex(i - 2, 4);
          if (Character.isLowSurrogate((char) low)) {
            return Character.toCodePoint((char) v, (char) low);
          }
        } catch (PatternSyntaxException e) {
          // not a pair: the second escape is read on its own
        }
        i = save;
      }
      return v;
    }

    private String property(int at, boolean negated) {
      int end = s.indexOf('}', i);
      if (i >= s.length() || s.charAt(i) != '{' || end < 0) {
        throw fail(at, "\\p needs a property: \\p{L}");
      }
      String body = s.substring(i + 1, end);
      i = end + 1;
      try {
        return EcmaProperties.classBody(body, negated);
      } catch (IllegalArgumentException e) {
        throw fail(at, e.getMessage());
      }
    }

    private void characterClass() {
      int start = i;
      i++;
      boolean negated = i < s.length() && s.charAt(i) == '^';
      if (negated) {
        i++;
      }
      StringBuilder body = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw fail(start, "a [ that is never closed");
        }
        if (s.charAt(i) == ']') {
          i++;
          break;
        }
        int from = i;
        Object lo = classAtom();
        if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          int dash = i;
          i++;
          Object hi = classAtom();
          if (!(lo instanceof Integer a) || !(hi instanceof Integer b)) {
            body.append(member(lo)).append(hexOf('-')).append(member(hi)); // [\w-.]: no range
            continue;
          }
          if (a > b) {
            throw fail(dash, "a range out of order (" + s.substring(from, i) + ")");
          }
          body.append(hexOf(a)).append('-').append(hexOf(b));
        } else {
          body.append(member(lo));
        }
      }
      if (body.length() == 0) {
        out.append(negated ? ANY : NOTHING); // [^] is any character, [] none
      } else {
        out.append('[').append(negated ? "^" : "").append(body).append(']');
      }
    }

    /** A class atom in a Java class body: a code point, or a set's ranges. */
    private static String member(Object atom) {
      return atom instanceof Integer cp ? hexOf(cp) : (String) atom;
    }

    private Object classAtom() {
      if (s.charAt(i) == '\\') {
        if (i + 1 >= s.length()) {
          throw fail(i, "a \\ at the end");
        }
        char c = s.charAt(i + 1);
        if (c >= '1' && c <= '9') {
          throw fail(i, "a backreference in a class (\\" + c + ")");
        }
        if (c == 'B') {
          throw fail(i, "\\B in a class");
        }
        if (c == 'k') {
          throw fail(i, "\\k in a class");
        }
        return escape(true);
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      return cp;
    }

    private void literal(int cp) {
      if (cp < 128 && Character.isLetterOrDigit(cp)) {
        out.append((char) cp);
      } else {
        out.append(hexOf(cp));
      }
    }
  }

  static String hexOf(int cp) {
    return "\\x{" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + "}";
  }

  /** A class body of the ranges (pairs of bounds), or of their complement. */
  static String ranges(int[] bounds, boolean complement) {
    StringBuilder b = new StringBuilder();
    if (!complement) {
      for (int k = 0; k < bounds.length; k += 2) {
        b.append(hexOf(bounds[k]));
        if (bounds[k + 1] != bounds[k]) {
          b.append('-').append(hexOf(bounds[k + 1]));
        }
      }
      return b.toString();
    }
    int next = 0;
    for (int k = 0; k < bounds.length; k += 2) {
      if (bounds[k] > next) {
        b.append(hexOf(next)).append('-').append(hexOf(bounds[k] - 1));
      }
      next = bounds[k + 1] + 1;
    }
    if (next <= 0x10FFFF) {
      b.append(hexOf(next)).append('-').append(hexOf(0x10FFFF));
    }
    return b.toString();
  }
}
