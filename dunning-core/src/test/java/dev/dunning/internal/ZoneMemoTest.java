package dev.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memo answers what the conversions it stands for would, whatever was asked before (collisions included). */
class ZoneMemoTest {
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Brussels"), ZoneId.of("America/Los_Angeles"),
      ZoneId.of("Asia/Kolkata"), ZoneOffset.UTC, ZoneId.of("Australia/Lord_Howe"));
  private static final List<LocalTime> TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(2, 30), LocalTime.MIDNIGHT);

  @Test
  void sameAnswersAsComputingEachTime() {
    ZoneMemo memo = new ZoneMemo();
    Random random = new Random(42);
    LocalDate base = LocalDate.of(2026, 3, 1);
    for (int i = 0; i < 20_000; i++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      LocalDate day = base.plusDays(random.nextInt(400));
      long days = random.nextInt(3);
      LocalTime time = TIMES.get(random.nextInt(TIMES.size()));
      Instant at = Instant.parse("2026-03-29T00:30:00Z").plusSeconds(3600L * random.nextInt(48));

      assertThat(memo.instant(day, days, time, zone)).isEqualTo(ZoneTimes.instant(day.plusDays(days), time, zone));
      assertThat(memo.startOfDay(day, days, zone)).isEqualTo(ZoneTimes.startOfDay(day.plusDays(days), zone));
      assertThat(memo.date(at, zone)).isEqualTo(LocalDate.ofInstant(at, zone));
    }
  }
}
