package dev.dunning.policy;

import dev.dunning.internal.ZoneMemo;
import dev.dunning.internal.ZoneTimes;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Anchor;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** {@link EscalationPolicy#startOf}, shared by the interface's default and the memoizing built-in policy. */
final class Starts {
  private Starts() {}

  /** With {@code memo} null, every conversion is computed. */
  static Instant startOf(RecoveryCase recoveryCase, Stage stage, Playbook playbook, DeadlinePolicy deadlines,
      ZoneMemo memo) {
    ZoneId zone = recoveryCase.debtor().timeZone();
    LocalDate from;
    long days;
    if (stage.start().anchor() == Anchor.DUE_DATE || recoveryCase.deadline() == null) {
      from = recoveryCase.dueDate();
      days = stage.start().days();
    } else {
      from = recoveryCase.deadline();
      days = 1L + stage.start().days();
    }
    Instant start = memo == null
        ? ZoneTimes.instant(from.plusDays(days), playbook.sendTime(), zone)
        : memo.instant(from, days, playbook.sendTime(), zone);
    if (recoveryCase.deadline() != null) {
      Instant expiry = deadlines.expiry(recoveryCase, recoveryCase.deadline());
      if (start.isBefore(expiry)) {
        start = expiry;
      }
    }
    return start;
  }
}
