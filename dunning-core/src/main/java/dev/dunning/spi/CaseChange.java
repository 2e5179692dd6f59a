package dev.dunning.spi;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import java.util.List;
import java.util.Objects;

/**
 * One atomic write to a case: its new state, the timeline events and outbox messages the change
 * caused, and whether the case's unsent messages are cancelled. A store writes all of it or none.
 *
 * <p>{@code updated.version()} is the version the change was decided on; the store writes it only
 * if the stored case still has that version (else {@link StaleCaseException}), and stores it as
 * {@code version + 1}.
 *
 * @param updated the case's new state, carrying the version it was based on
 * @param events timeline events to append
 * @param messages outbox messages to queue
 * @param cancelPendingMessages whether to cancel the case's PENDING messages (e.g. once paid)
 * @since 0.1
 */
public record CaseChange(
    RecoveryCase updated, List<TimelineEvent> events, List<OutboxMessage> messages,
    boolean cancelPendingMessages) implements DueOutcome {

  public CaseChange {
    Objects.requireNonNull(updated, "updated");
    events = List.copyOf(Objects.requireNonNullElse(events, List.of()));
    messages = List.copyOf(Objects.requireNonNullElse(messages, List.of()));
  }

  @Override
  public String caseId() {
    return updated.id();
  }
}
