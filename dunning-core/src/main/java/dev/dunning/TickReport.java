package dev.dunning;

import java.time.Duration;
import java.time.Instant;

/**
 * What one {@link RecoveryEngine#tick()} did.
 *
 * @param at the instant the tick ran at
 * @param casesProcessed due cases looked at
 * @param casesAdvanced cases that entered a stage, asked for approval or changed status
 * @param caseErrors cases whose processing failed (recorded on their timeline and retried with backoff)
 * @param messagesQueued messages the advanced cases queued
 * @param delivered messages sent
 * @param retrying messages that failed transiently and wait for a retry
 * @param failed messages that failed for good
 * @param took the wall-clock time the tick took
 * @since 0.1
 */
public record TickReport(Instant at, int casesProcessed, int casesAdvanced, int caseErrors, int messagesQueued,
    int delivered, int retrying, int failed, Duration took) {

  /** Whether the tick found nothing to do. */
  public boolean isIdle() {
    return casesProcessed == 0 && delivered == 0 && retrying == 0 && failed == 0;
  }
}
