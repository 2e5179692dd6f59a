package dev.dunning.policy;

import dev.dunning.internal.ZoneTimes;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Stage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Decides the deadline a stage gives the debtor, and when that deadline has passed.
 *
 * <p>The default, {@link #fromPlaybook()}, counts the stage's {@code deadlineDays} from the day the
 * message is queued, in the debtor's time zone, in calendar or business days as the stage says;
 * a deadline expires at the start of the following day, so "pay by 12 March" means all of 12 March.
 * Plug your own for public holidays or a legal minimum per country.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DeadlinePolicy {

  /** The last day to pay for a message of {@code stage} queued at {@code queuedAt}. */
  LocalDate deadline(RecoveryCase recoveryCase, Stage stage, Instant queuedAt);

  /** The instant {@code deadline} has passed: by default the start of the next day in the debtor's zone. */
  default Instant expiry(RecoveryCase recoveryCase, LocalDate deadline) {
    return ZoneTimes.startOfDay(deadline.plusDays(1), recoveryCase.debtor().timeZone());
  }

  /** Calendar or business days, as each stage's {@code dayCount} says. */
  static DeadlinePolicy fromPlaybook() {
    return new PlaybookDeadlines();
  }

  /** {@code days} working days (Monday to Friday) after {@code from}. */
  static LocalDate plusBusinessDays(LocalDate from, int days) {
    LocalDate day = from;
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return day;
  }
}
