package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.model.RecoveryCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimingTest {
  private final EngineFixture f = new EngineFixture();

  @Test
  void oneSecondBeforeTheDeadlineHasPassedNothingHappensAndAtThatInstantItActs() {
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    Instant next = f.current("C-1").nextActionAt();

    TickReport before = f.tickAt(next.minusSeconds(1));
    assertThat(before.isIdle()).isTrue();
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder1");

    TickReport at = f.tickAt(next);
    assertThat(at.casesAdvanced()).isEqualTo(1);
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
  }

  @Test
  void theFirstReminderStartsExactlyAtTheSendTimeTheDayAfterTheDueDate() {
    f.openCase();
    Instant start = sendTimeOn(DUE.plusDays(1));

    assertThat(f.current("C-1").nextActionAt()).isEqualTo(start);
    assertThat(f.tickAt(start.minusSeconds(1)).isIdle()).isTrue();
    assertThat(f.tickAt(start).casesAdvanced()).isEqualTo(1);
  }

  @Test
  void afterNinetyDaysWithoutATickOnlyOneStageRunsPerTickEachWithAFreshDeadline() {
    f.openCase();
    Instant late = sendTimeOn(DUE.plusDays(90)).plus(Duration.ofHours(3));

    TickReport first = f.tickAt(late);
    assertThat(first.casesAdvanced()).isEqualTo(1);
    assertThat(f.sent(ChannelType.EMAIL)).hasSize(1);
    RecoveryCase afterFirst = f.current("C-1");
    assertThat(afterFirst.stageId()).isEqualTo("reminder1");
    assertThat(afterFirst.deadline()).isEqualTo(DUE.plusDays(90).plusDays(8));

    // the scheduler's next ticks, a minute apart: nothing more until that fresh deadline passes
    for (int minute = 1; minute <= 5; minute++) {
      assertThat(f.tickAt(late.plus(Duration.ofMinutes(minute))).isIdle()).isTrue();
    }
    assertThat(f.sent(ChannelType.EMAIL)).hasSize(1);

    f.tickAt(afterFirst.nextActionAt());
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.current("C-1").deadline()).isEqualTo(DUE.plusDays(90).plusDays(9).plusDays(8));
  }

  @Test
  void deadlinesCountFromTheDayTheMessageIsQueuedInTheDebtorsZone() {
    f.openCase();
    // 23:30 UTC on the 15th is already the 16th in Brussels
    f.tickAt(LocalDate.of(2026, 2, 15).atTime(23, 30).toInstant(java.time.ZoneOffset.UTC));

    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 2, 24));
  }
}
