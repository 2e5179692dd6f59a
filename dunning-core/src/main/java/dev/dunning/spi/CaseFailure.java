package dev.dunning.spi;

import dev.dunning.model.TimelineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A due case that could not be processed (a bug in a policy, a stored row the code cannot read):
 * the store records the event, counts the failure and sets the case's next action to
 * {@code retryAt}, touching nothing else.
 *
 * @param caseId the case
 * @param version the version read (the write is skipped if it changed meanwhile)
 * @param failures the consecutive failure count to store, including this one
 * @param retryAt when to try again
 * @param event the {@code PROCESSING_FAILED} event for the timeline
 * @since 0.1
 */
public record CaseFailure(String caseId, long version, int failures, Instant retryAt, TimelineEvent event)
    implements DueOutcome {
  public CaseFailure {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(retryAt, "retryAt");
    Objects.requireNonNull(event, "event");
  }
}
