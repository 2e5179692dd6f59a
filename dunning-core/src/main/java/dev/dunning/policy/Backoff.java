package dev.dunning.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: the delay before attempt {@code n + 1} after {@code n} failures is
 * {@code initial × multiplier^(n-1)}, capped at {@code max}.
 *
 * @param initial the delay after the first failure, > 0
 * @param multiplier the growth per failure, >= 1
 * @param max the longest delay
 * @since 0.1
 */
public record Backoff(Duration initial, double multiplier, Duration max) {
  /** 1 minute, doubling, at most 6 hours. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), 2.0, Duration.ofHours(6));

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isZero() || initial.isNegative()) {
      throw new IllegalArgumentException("initial must be > 0, was " + initial);
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max must be >= initial (" + initial + "), was " + max);
    }
  }

  public static Backoff exponential(Duration initial, double multiplier, Duration max) {
    return new Backoff(initial, multiplier, max);
  }

  /** The delay after {@code failures} consecutive failures (1 = the first failure). */
  public Duration delayAfter(int failures) {
    double factor = Math.pow(multiplier, Math.max(0, failures - 1));
    double millis = initial.toMillis() * factor;
    if (Double.isInfinite(millis) || millis >= max.toMillis()) {
      return max;
    }
    return Duration.ofMillis((long) millis);
  }
}
