package dev.dunning.spi;

import dev.dunning.model.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one delivery attempt of a claimed outbox message came to, written by
 * {@link CaseStore#completeDelivery} in one store operation with its timeline events and, after a
 * permanent failure, the message for the next channel.
 *
 * @param message the message as it was claimed (its {@code leaseToken} proves the claim is still ours)
 * @param status SENT, PENDING (retry later), FAILED, or CANCELLED (the case closed before it went out)
 * @param attempts the attempts made, including this one
 * @param nextAttemptAt when to retry (PENDING), else when this attempt ended
 * @param receipt the channel's receipt (SENT), else {@code null}
 * @param error the failure, else {@code null}
 * @param at when the attempt ended
 * @param events timeline events to append to the case
 * @param followUp the message for the next channel after a permanent failure, or {@code null}
 * @since 0.1
 */
public record DeliveryOutcome(
    OutboxMessage message,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    String receipt,
    String error,
    Instant at,
    List<TimelineEvent> events,
    OutboxMessage followUp) {

  public DeliveryOutcome {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(at, "at");
    events = List.copyOf(Objects.requireNonNullElse(events, List.of()));
    if (status == OutboxStatus.IN_FLIGHT) {
      throw new IllegalArgumentException("a delivery ends SENT, PENDING, FAILED or CANCELLED, not " + status);
    }
  }
}
