package dev.dunning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A small memo of the default policies' conversions between local dates and instants. The cases a
 * tick decides were mostly scheduled for the same instant, so they share their zone, due date,
 * deadline and send time: the same few conversions come up case after case, and each costs a
 * look-up in the zone's rules (which boxes the year) and three or four new objects.
 *
 * <p>Direct-mapped, sixteen entries per kind, and unsynchronized on purpose: entries are immutable,
 * so a race only costs a conversion done twice. Results are exactly {@link ZoneTimes}' and
 * {@link LocalDate#ofInstant}'s.
 */
public final class ZoneMemo {
  private static final int SIZE = 16;

  private static final class Entry {
    final Object from;
    final long days;
    final LocalTime time;
    final ZoneId zone;
    final Object result;

    Entry(Object from, long days, LocalTime time, ZoneId zone, Object result) {
      this.from = from;
      this.days = days;
      this.time = time;
      this.zone = zone;
      this.result = result;
    }

    boolean is(Object from, long days, LocalTime time, ZoneId zone) {
      return this.days == days && this.from.equals(from) && (this.time == time || this.time.equals(time))
          && (this.zone == zone || this.zone.equals(zone));
    }
  }

  private final Entry[] instants = new Entry[SIZE];
  private final Entry[] startsOfDay = new Entry[SIZE];
  private final Entry[] dates = new Entry[SIZE];

  /** {@code ZoneTimes.instant(day.plusDays(days), time, zone)}. */
  public Instant instant(LocalDate day, long days, LocalTime time, ZoneId zone) {
    int slot = slot(day, days, time, zone);
    Entry e = instants[slot];
    if (e != null && e.is(day, days, time, zone)) {
      return (Instant) e.result;
    }
    Instant result = ZoneTimes.instant(day.plusDays(days), time, zone);
    instants[slot] = new Entry(day, days, time, zone, result);
    return result;
  }

  /** {@code ZoneTimes.startOfDay(day.plusDays(days), zone)}. */
  public Instant startOfDay(LocalDate day, long days, ZoneId zone) {
    int slot = slot(day, days, LocalTime.MIDNIGHT, zone);
    Entry e = startsOfDay[slot];
    if (e != null && e.is(day, days, LocalTime.MIDNIGHT, zone)) {
      return (Instant) e.result;
    }
    Instant result = ZoneTimes.startOfDay(day.plusDays(days), zone);
    startsOfDay[slot] = new Entry(day, days, LocalTime.MIDNIGHT, zone, result);
    return result;
  }

  /** {@code LocalDate.ofInstant(at, zone)}. */
  public LocalDate date(Instant at, ZoneId zone) {
    int slot = slot(at, 0, LocalTime.MIDNIGHT, zone);
    Entry e = dates[slot];
    if (e != null && e.is(at, 0, LocalTime.MIDNIGHT, zone)) {
      return (LocalDate) e.result;
    }
    LocalDate result = LocalDate.ofInstant(at, zone);
    dates[slot] = new Entry(at, 0, LocalTime.MIDNIGHT, zone, result);
    return result;
  }

  private static int slot(Object from, long days, LocalTime time, ZoneId zone) {
    int h = ((from.hashCode() * 31 + Long.hashCode(days)) * 31 + time.hashCode()) * 31 + zone.hashCode();
    return (h ^ (h >>> 16)) & (SIZE - 1);
  }
}
