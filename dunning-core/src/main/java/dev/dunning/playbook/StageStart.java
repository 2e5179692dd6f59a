package dev.dunning.playbook;

import java.util.Objects;

/**
 * When a stage starts: a number of days from an anchor.
 *
 * @param anchor what the days count from
 * @param days the offset in days (negative only with {@link Anchor#DUE_DATE})
 * @since 0.1
 */
public record StageStart(Anchor anchor, int days) {
  public StageStart {
    Objects.requireNonNull(anchor, "anchor");
  }

  public static StageStart daysFromDueDate(int days) {
    return new StageStart(Anchor.DUE_DATE, days);
  }

  public static StageStart daysAfterPreviousDeadline(int days) {
    return new StageStart(Anchor.PREVIOUS_DEADLINE, days);
  }
}
