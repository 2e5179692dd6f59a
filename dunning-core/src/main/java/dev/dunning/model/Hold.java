package dev.dunning.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Why and until when a case is on hold.
 *
 * @param reason why escalation is paused
 * @param until when escalation resumes by itself, or {@code null} to wait for a person's decision
 * @param note free text for the timeline (never shown to the debtor)
 * @since 0.1
 */
public record Hold(HoldReason reason, Instant until, String note) {
  public Hold {
    Objects.requireNonNull(reason, "reason");
    note = Objects.requireNonNullElse(note, "");
  }
}
