package dev.dunning.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoClockTest {
  private static final Clock REAL = Clock.fixed(Instant.parse("2026-03-02T08:00:00.123456789Z"), ZoneOffset.UTC);

  @Test
  void advancing_moves_every_zoned_view_and_the_offset_survives_a_restart(@TempDir Path dir) {
    DemoClock clock = DemoClock.persistent(REAL, dir.resolve("offset.txt"));
    Clock brussels = clock.withZone(ZoneId.of("Europe/Brussels"));

    clock.advanceDays(10);

    assertThat(brussels.instant()).isEqualTo("2026-03-12T08:00:00.123456789Z");
    assertThat(DemoClock.persistent(REAL, dir.resolve("offset.txt")).offset()).isEqualTo(Duration.ofDays(10));
  }

  @Test
  void the_clock_only_moves_forward_and_by_at_most_a_year_at_a_time(@TempDir Path dir) {
    DemoClock clock = DemoClock.persistent(REAL, dir.resolve("offset.txt"));

    assertThatThrownBy(() -> clock.advanceDays(0)).hasMessage("days must be between 1 and 366, was 0");
    assertThatThrownBy(() -> clock.advanceDays(400)).hasMessage("days must be between 1 and 366, was 400");
    assertThat(clock.offset()).isZero();
  }
}
