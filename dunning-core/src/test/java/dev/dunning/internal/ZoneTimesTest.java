package dev.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ZoneTimes must give the JDK's own answers, gaps and overlaps included, in every zone. */
class ZoneTimesTest {
  private static final Instant FROM = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2040-01-01T00:00:00Z");

  @Test
  void sameInstantsAsTheJdkAroundEveryTransitionOfEveryZone() {
    List<String> mismatches = new ArrayList<>();
    List<ZoneId> zones = new ArrayList<>();
    ZoneId.getAvailableZoneIds().forEach(id -> zones.add(ZoneId.of(id)));
    zones.add(ZoneOffset.UTC);
    zones.add(ZoneOffset.ofHoursMinutes(5, 30));
    for (ZoneId zone : zones) {
      for (ZoneOffsetTransition t = zone.getRules().nextTransition(FROM); t != null && t.getInstant().isBefore(TO);
          t = zone.getRules().nextTransition(t.getInstant())) {
        check(zone, t.getDateTimeBefore().toLocalDate(), mismatches);
      }
      check(zone, LocalDate.of(2026, 2, 14), mismatches);
    }
    assertThat(mismatches).isEmpty();
  }

  private static void check(ZoneId zone, LocalDate around, List<String> mismatches) {
    for (int d = -1; d <= 1; d++) {
      LocalDate day = around.plusDays(d);
      if (!ZoneTimes.startOfDay(day, zone).equals(day.atStartOfDay(zone).toInstant())) {
        mismatches.add(zone + " start of " + day);
      }
      for (int minute = 0; minute < 24 * 60; minute += 30) {
        LocalTime time = LocalTime.of(minute / 60, minute % 60, 0, 123_000);
        if (!ZoneTimes.instant(day, time, zone).equals(day.atTime(time).atZone(zone).toInstant())) {
          mismatches.add(zone + " " + day + "T" + time);
        }
      }
    }
  }
}
