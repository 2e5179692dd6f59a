package dev.dunning.policy;

import dev.dunning.internal.ZoneMemo;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.DayCount;
import dev.dunning.playbook.Stage;
import java.time.Instant;
import java.time.LocalDate;

/** {@link DeadlinePolicy#fromPlaybook()}, with its date conversions memoized (they repeat case after case). */
final class PlaybookDeadlines implements DeadlinePolicy {
  private final ZoneMemo memo = new ZoneMemo();

  @Override
  public LocalDate deadline(RecoveryCase recoveryCase, Stage stage, Instant queuedAt) {
    LocalDate day = memo.date(queuedAt, recoveryCase.debtor().timeZone());
    return stage.dayCount() == DayCount.BUSINESS
        ? DeadlinePolicy.plusBusinessDays(day, stage.deadlineDays())
        : day.plusDays(stage.deadlineDays());
  }

  @Override
  public Instant expiry(RecoveryCase recoveryCase, LocalDate deadline) {
    return memo.startOfDay(deadline, 1, recoveryCase.debtor().timeZone());
  }
}
