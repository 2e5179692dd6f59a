package dev.dunning.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's simulated time: a base clock (the system's) plus an offset the desk moves forward by
 * whole days, so a newcomer can watch weeks of reminders in a minute. It is an ordinary
 * {@link Clock}, handed to the engine like the system clock would be. The offset is kept in a small
 * file so that after a restart the cases are not suddenly "in the future".
 */
public final class DemoClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;
  private final Path offsetFile;

  private DemoClock(Clock base, Duration offset, Path offsetFile) {
    this.base = Objects.requireNonNull(base, "base");
    this.offset = new AtomicReference<>(offset);
    this.offsetFile = offsetFile;
  }

  /** A clock over {@code base} whose offset is read from, and saved to, {@code offsetFile} (created if missing). */
  public static DemoClock persistent(Clock base, Path offsetFile) {
    Duration saved = Duration.ZERO;
    if (Files.isRegularFile(offsetFile)) {
      try {
        saved = Duration.parse(Files.readString(offsetFile, StandardCharsets.US_ASCII).strip());
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot read the demo clock's offset from " + offsetFile
            + " (delete the file to start from today)", e);
      }
    }
    return new DemoClock(base, saved, offsetFile);
  }

  /** Moves simulated time forward by {@code days} (1..366) and returns the new now. */
  public Instant advanceDays(int days) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be between 1 and 366, was " + days);
    }
    Duration next = offset.updateAndGet(o -> o.plusDays(days));
    save(next);
    return instant();
  }

  /** How far simulated time is ahead of the base clock. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // shares the offset, so advancing this clock advances every zoned view of it
    DemoClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  private synchronized void save(Duration value) {
    try {
      Path tmp = offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp");
      Files.writeString(tmp, value.toString(), StandardCharsets.US_ASCII);
      Files.move(tmp, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the demo clock's offset to " + offsetFile, e);
    }
  }

  @Override
  public String toString() {
    return "DemoClock[" + instant() + ", offset " + offset.get() + "]";
  }
}
