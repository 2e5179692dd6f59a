package dev.dunning.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} you set and advance by hand, so tests (yours included) can drive a case through
 * months of reminders in milliseconds. Thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
 * RecoveryEngine engine = RecoveryEngine.builder().clock(clock)…build();
 * clock.advance(Duration.ofDays(9));
 * engine.tick();
 * }</pre>
 *
 * @since 0.1
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public MutableClock(Instant start, ZoneId zone) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** A clock at {@code instant} (ISO-8601, e.g. {@code 2026-03-01T08:00:00Z}) in UTC. */
  public static MutableClock at(String instant) {
    return new MutableClock(Instant.parse(instant), ZoneOffset.UTC);
  }

  public static MutableClock at(Instant instant) {
    return new MutableClock(instant, ZoneOffset.UTC);
  }

  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  public Instant advance(Duration duration) {
    return now.updateAndGet(t -> t.plus(duration));
  }

  public Instant advanceDays(long days) {
    return advance(Duration.ofDays(days));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // shares the same time source, so advancing either clock advances both
    MutableClock view = new MutableClock(instant(), zone);
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return MutableClock.this.withZone(other);
      }

      @Override
      public Instant instant() {
        return MutableClock.this.instant();
      }

      @Override
      public String toString() {
        return view.toString();
      }
    };
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
