package dev.dunning.policy;

import dev.dunning.internal.ZoneMemo;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import java.time.Instant;
import java.util.Optional;

/** {@link EscalationPolicy#playbookOrder()}, with its date conversions memoized (they repeat case after case). */
final class PlaybookOrder implements EscalationPolicy {
  private final ZoneMemo memo = new ZoneMemo();

  @Override
  public Optional<Stage> next(RecoveryCase recoveryCase, Playbook playbook, Instant now) {
    Optional<Stage> next = playbook.after(recoveryCase.stageId());
    while (next.isPresent() && next.get().kind().isBeforeLateness()
        && !now.isBefore(memo.startOfDay(recoveryCase.dueDate(), 1, recoveryCase.debtor().timeZone()))) {
      next = playbook.after(next.get().id());
    }
    return next;
  }

  @Override
  public Instant startOf(RecoveryCase recoveryCase, Stage stage, Playbook playbook, DeadlinePolicy deadlines) {
    return Starts.startOf(recoveryCase, stage, playbook, deadlines, memo);
  }
}
