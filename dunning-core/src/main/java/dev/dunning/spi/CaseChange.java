package dev.dunning.spi;

import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param cancelPendingMessages whether to cancel the case's PENDING messages (e.g. once paid); the
 *     store then also appends {@link #cancellationEvent} for those it cancelled
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

  /**
   * The {@code MESSAGES_CANCELLED} event a store appends, after this change's events and in the same
   * write, naming the keys of the PENDING messages it cancelled: dated, attributed and staged like
   * the change's last event (the {@code CLOSED} of a payment). Empty when nothing was cancelled or
   * the change records no event to date it by.
   */
  public Optional<TimelineEvent> cancellationEvent(List<String> cancelledKeys) {
    if (cancelledKeys.isEmpty() || events.isEmpty()) {
      return Optional.empty();
    }
    TimelineEvent cause = events.get(events.size() - 1);
    return Optional.of(new TimelineEvent(cause.caseId(), cause.at(), EventType.MESSAGES_CANCELLED, cause.actor(),
        cause.stageId(), cancelledKeys.size() + " unsent message(s) cancelled: " + String.join(", ", cancelledKeys)));
  }
}
