package dev.flowlint.genesys;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again: 429 (after Retry-After), 502, 503, 504 and dropped connections, with
 * exponential backoff and full jitter, within a bounded total wait.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxTotalWait,
    Sleeper sleeper) {

  /** Waits; tests record the waits instead. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Sleeps for real. */
  public static final Sleeper REAL_SLEEP = d -> Thread.sleep(d.toMillis());

  /**
   * Six attempts, 0.5 s doubling to at most 20 s between them, and at most {@code maxTotalWait} in
   * all.
   */
  public static RetryPolicy standard(Duration maxTotalWait) {
    return standard(maxTotalWait, REAL_SLEEP);
  }

  /** As {@link #standard(Duration)}, waiting through {@code sleeper}. */
  public static RetryPolicy standard(Duration maxTotalWait, Sleeper sleeper) {
    return new RetryPolicy(
        6, Duration.ofMillis(500), Duration.ofSeconds(20), maxTotalWait, sleeper);
  }

  static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Backoff before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt) {
    long cap =
        Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(attempt - 1, 20)));
    return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
  }
}
