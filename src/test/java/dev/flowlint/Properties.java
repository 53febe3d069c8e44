package dev.flowlint;

import java.util.Random;
import java.util.function.Function;

/**
 * A small property-test runner: generates {@code tries} samples from a seeded {@link Random} and
 * runs a check on each; a failure names the seed and the sample, so it can be replayed with {@code
 * -Dproperties.seed=S}. (jqwik 1.10+ asks not to be used by AI coding agents, so this project's
 * agent-written property tests use this instead; see the README's Tests section.)
 */
public final class Properties {
  private Properties() {}

  public interface Check<T> {
    void accept(T sample) throws Exception;
  }

  public static <T> void forAll(
      String property, int tries, Function<Random, T> generator, Check<T> check) {
    long seed = Long.getLong("properties.seed", 20261129L) ^ property.hashCode();
    int n = Integer.getInteger("properties.tries", tries);
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      T sample = generator.apply(random);
      try {
        check.accept(sample);
      } catch (Throwable t) {
        // Control characters are shown escaped, so the report is readable (and a NUL does not cut
        // it).
        String shown =
            String.valueOf(sample)
                .chars()
                .mapToObj(
                    c ->
                        c < 0x20 && c != '\n' || c >= 0xD800 && c < 0xE000
                            ? String.format("\\u%04x", c)
                            : String.valueOf((char) c))
                .collect(java.util.stream.Collectors.joining());
        throw new AssertionError(
            property
                + " fails on try "
                + (i + 1)
                + " of "
                + n
                + " (seed "
                + seed
                + ") for:\n"
                + shown
                + "\n"
                + t,
            t);
      }
    }
  }

  public static <T> T pick(Random r, java.util.List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** A string of up to {@code max} characters, mostly printable, some anything. */
  public static String string(Random r, int max) {
    int n = r.nextInt(max + 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : (char) (0x20 + r.nextInt(0x5f)));
    }
    return b.toString();
  }
}
