package dev.dunning.policy;

import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses which stage a case runs next and when it is due.
 *
 * <p>The default, {@link #playbookOrder()}, follows the playbook in order and skips pre-due and
 * due-date reminders once the invoice is already late. A host can jump elsewhere, e.g. straight to
 * the formal notice above an amount:
 *
 * <pre>{@code
 * EscalationPolicy policy = EscalationPolicy.playbookOrder()
 *     .jumpTo("formal_notice", c -> c.balance().amount().compareTo(new BigDecimal("10000")) > 0);
 * }</pre>
 *
 * <p>Called while a case is being decided: must be fast and must not do I/O.
 *
 * @since 0.1
 */
public interface EscalationPolicy {

  /** The stage to run next for {@code recoveryCase} at {@code now}, or empty when the ladder is done. */
  Optional<Stage> next(RecoveryCase recoveryCase, Playbook playbook, Instant now);

  /**
   * When {@code stage} is due for {@code recoveryCase}: its start offset from the due date or from
   * the day after the current deadline, at the playbook's send time in the debtor's zone, and never
   * before the current deadline has expired.
   */
  default Instant startOf(RecoveryCase recoveryCase, Stage stage, Playbook playbook, DeadlinePolicy deadlines) {
    return Starts.startOf(recoveryCase, stage, playbook, deadlines, null);
  }

  /** The playbook's order, skipping pre-due and due-date reminders once the claim is late. */
  static EscalationPolicy playbookOrder() {
    return new PlaybookOrder();
  }

  /**
   * This policy, except that when {@code condition} holds and the case has not reached
   * {@code stageId} yet, the next stage is {@code stageId}.
   */
  default EscalationPolicy jumpTo(String stageId, java.util.function.Predicate<RecoveryCase> condition) {
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(condition, "condition");
    EscalationPolicy base = this;
    return new EscalationPolicy() {
      @Override
      public Optional<Stage> next(RecoveryCase c, Playbook playbook, Instant now) {
        Stage target = playbook.stage(stageId).orElseThrow(
            () -> new IllegalArgumentException("jumpTo: no stage '" + stageId + "' in playbook '" + playbook.id() + "'"));
        int current = c.stageId() == null ? -1 : playbook.indexOf(c.stageId());
        if (current < playbook.indexOf(stageId) && condition.test(c)) {
          return Optional.of(target);
        }
        return base.next(c, playbook, now);
      }

      @Override
      public Instant startOf(RecoveryCase c, Stage stage, Playbook playbook, DeadlinePolicy deadlines) {
        return base.startOf(c, stage, playbook, deadlines);
      }
    };
  }

  /** Shorthand for {@link #jumpTo} when the open balance exceeds {@code amount} (in the case's currency). */
  default EscalationPolicy jumpToAbove(String stageId, BigDecimal amount) {
    return jumpTo(stageId, c -> c.balance().amount().compareTo(amount) > 0);
  }
}
