package dev.flowlint.check;

import com.networknt.schema.regex.RegularExpressionFactory;
import dev.flowlint.schema.EcmaPatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a schema's {@code pattern} with a budget. A pattern is written by a person into a schema
 * file or flowlint.yaml, and java.util.regex backtracks without limit: {@code ^(.*a){12}$} on 80
 * characters runs for hours, and a commit hook or {@code flowlint serve} hung on it. The budget
 * counts characters read, not time, so a verdict never depends on the machine's load; it is far
 * above what any sane pattern needs on a 32,000-character Architect string.
 */
final class BoundedPatterns {
  /** Characters a match may read before it is called runaway, on top of {@link #budget}'s share. */
  static final long STEPS = 50_000_000L;

  /**
   * What a match of a value of {@code length} characters may read: a pattern is tried at every
   * start (JSON Schema patterns are unanchored), so an ordinary one such as {@code [a-z]+@} reads
   * about length² characters on a value it does not match; past that allowance, and past {@link
   * #STEPS}, only a pattern that backtracks without end goes on.
   */
  static long budget(int length) {
    return STEPS + 4L * length * length;
  }

  /**
   * networknt's patterns, matched as {@link SubsetSchema} matches them, with the same budget; a new
   * Matcher per value, as networknt may share a compiled schema.
   */
  static final RegularExpressionFactory NETWORKNT =
      source -> {
        Pattern p = compile(source);
        return value -> find(p.matcher(""), value, source);
      };

  private BoundedPatterns() {}

  /** Thrown out of a match that ran out of budget; the engine turns it into a bad-schema stop. */
  static final class Runaway extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Runaway(String pattern) {
      super(
          "the pattern "
              + pattern
              + " backtracks without end on a value (more steps than a pattern that does not"
              + " backtrack needs on it)",
          null,
          false,
          false);
    }
  }

  /**
   * The ECMA-262 pattern as java.util.regex runs it with ECMA-262's verdicts ({@link
   * EcmaPatterns}); a pattern it cannot translate exactly is a located {@link
   * java.util.regex.PatternSyntaxException}.
   */
  static Pattern compile(String source) {
    return EcmaPatterns.compile(source);
  }

  /** {@code matcher.find()} over {@code value}, or {@link Runaway} when it takes too long. */
  static boolean find(Matcher matcher, String value, String source) {
    try {
      return matcher.reset(new Counted(value)).find();
    } catch (BudgetSpent e) {
      throw new Runaway(source);
    }
  }

  private static final class BudgetSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetSpent() {
      super(null, null, false, false);
    }
  }

  /** The value, counting the characters the matcher reads. */
  private static final class Counted implements CharSequence {
    private final String s;
    private long left;

    Counted(String s) {
      this.s = s;
      this.left = budget(s.length());
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw new BudgetSpent();
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
