package dev.dunning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local times to instants in a zone, with exactly the results of {@code atZone(zone).toInstant()}
 * and {@code atStartOfDay(zone).toInstant()} but without their intermediate {@code ZonedDateTime}
 * and list of valid offsets: the policies do this several times per transition.
 */
public final class ZoneTimes {
  private ZoneTimes() {}

  /**
   * {@code day.atTime(time).atZone(zone).toInstant()}. In a gap (clocks forward) that moves the local
   * time forward by the gap, which is the instant of the unmoved local time at the offset before the
   * gap; in an overlap it takes the earlier offset, the one before the transition. Both are the
   * offset {@link ZoneRules#getOffset(LocalDateTime)} returns.
   */
  public static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local = LocalDateTime.of(day, time);
    ZoneOffset offset = zone instanceof ZoneOffset fixed ? fixed : zone.getRules().getOffset(local);
    return Instant.ofEpochSecond(local.toEpochSecond(offset), time.getNano());
  }

  /**
   * {@code day.atStartOfDay(zone).toInstant()}: midnight, or, when midnight falls in a gap, the end
   * of the gap (the instant of the transition).
   */
  public static Instant startOfDay(LocalDate day, ZoneId zone) {
    LocalDateTime midnight = day.atStartOfDay();
    if (zone instanceof ZoneOffset fixed) {
      return midnight.toInstant(fixed);
    }
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition transition = rules.getTransition(midnight);
    if (transition == null) {
      return midnight.toInstant(rules.getOffset(midnight));
    }
    return transition.isGap() ? transition.getInstant() : midnight.toInstant(transition.getOffsetBefore());
  }
}
