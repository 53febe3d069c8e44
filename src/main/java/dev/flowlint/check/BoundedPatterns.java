package dev.flowlint.check;

import com.networknt.schema.regex.RegularExpressionFactory;
import dev.flowlint.schema.EcmaPatterns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a schema's {@code pattern} with a budget. A pattern is written by a person into a schema
 * file or flowlint.yaml, and java.util.regex backtracks without limit: {@code ^(.*a){12}$} on 80
 * characters runs for hours, and a commit hook or {@code flowlint serve} hung on it. The budget
 * counts characters read, not time, so a verdict never depends on the machine's load; it is far
 * above what any sane pattern needs on a 32,000-character Architect string.
 *
 * <p>One payload's values share an {@link Allowance} on top: a payload of many long values, each
 * just inside its own budget ({@code [a-z]+@} on 32,000 characters reads a billion), took minutes.
 * Once a payload has read {@link #PAYLOAD_STEPS} characters, each further match gets only a linear
 * share, and a match that needs more is not decided: it counts as not matching (so the value is
 * never reported clean) and the engine says the value was not fully checked.
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
   * Characters all the matches of one payload may read together (a few seconds with the C1
   * compiler), past which each match gets only {@link #linear}.
   */
  static final long PAYLOAD_STEPS = 300_000_000L;

  /** What a match may always read, the payload's allowance spent or not: a pass over the value. */
  static long linear(int length) {
    return 2L * length + 16;
  }

  /**
   * networknt's patterns, matched as {@link SubsetSchema} matches them, with the same budget and
   * the running payload's allowance; a new Matcher per value, as networknt may share a compiled
   * schema.
   */
  static final RegularExpressionFactory NETWORKNT =
      source -> {
        Pattern p = compile(source);
        return value -> find(p.matcher(""), value, source);
      };

  /** The allowance of the payload being checked on this thread; none outside a check. */
  private static final ThreadLocal<Allowance> CURRENT = new ThreadLocal<>();

  private BoundedPatterns() {}

  /**
   * What one payload's matches may still read, and the matches it left undecided: a value and the
   * pattern it was not fully checked against.
   */
  static final class Allowance {
    private final long steps;
    private long left;
    private final Set<List<String>> undecided = new HashSet<>();
    private final List<List<String>> recent = new ArrayList<>();

    Allowance() {
      this(PAYLOAD_STEPS);
    }

    /** An allowance of {@code steps} characters a payload (tests use a small one). */
    Allowance(long steps) {
      this.steps = steps;
      this.left = steps;
    }

    /** A new payload: the whole allowance again. */
    void reset() {
      left = steps;
      undecided.clear();
      recent.clear();
    }

    /** Whether the pattern was not fully matched against the value in this payload. */
    boolean undecided(String source, String value) {
      return !undecided.isEmpty() && undecided.contains(List.of(source, value));
    }

    /** The (pattern, value) pairs left undecided since the last call. */
    List<List<String>> takeRecent() {
      List<List<String>> out = List.copyOf(recent);
      recent.clear();
      return out;
    }

    private void undecide(String source, String value) {
      left = 0;
      List<String> pair = List.of(source, value);
      undecided.add(pair);
      recent.add(pair);
    }
  }

  /** {@code work} with {@code allowance} as this thread's: every match inside it draws on it. */
  static <T> T within(Allowance allowance, Supplier<T> work) {
    Allowance before = CURRENT.get();
    CURRENT.set(allowance);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  /** This thread's allowance, for work handed to another thread. */
  static Allowance current() {
    return CURRENT.get();
  }

  /** Thrown out of a match that ran out of budget; the engine turns it into a bad-schema stop. */
  static final class Runaway extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pattern;

    Runaway(String pattern) {
      super(
          "the pattern "
              + pattern
              + " backtracks without end on a value (more steps than a pattern that does not"
              + " backtrack needs on it)",
          null,
          false,
          false);
      this.pattern = pattern;
    }

    /** The pattern, as the schema writes it. */
    String pattern() {
      return pattern;
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

  /**
   * {@code matcher.find()} over {@code value}; {@link Runaway} when the match takes more than its
   * own budget, false (recorded as undecided) when the payload's allowance ran out first.
   */
  static boolean find(Matcher matcher, String value, String source) {
    Allowance allowance = CURRENT.get();
    long own = budget(value.length());
    long share = allowance == null ? own : Math.max(allowance.left, linear(value.length()));
    Counted counted = new Counted(value, Math.min(own, share));
    try {
      boolean found = matcher.reset(counted).find();
      spend(allowance, counted);
      return found;
    } catch (BudgetSpent e) {
      spend(allowance, counted);
      if (own <= share) {
        throw new Runaway(source);
      }
      allowance.undecide(source, value);
      return false;
    }
  }

  private static void spend(Allowance allowance, Counted counted) {
    if (allowance != null) {
      allowance.left = Math.max(0, allowance.left - counted.read());
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
    private final long limit;
    private long left;

    Counted(String s, long limit) {
      this.s = s;
      this.limit = limit;
      this.left = limit;
    }

    long read() {
      return Math.min(limit, limit - left);
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
