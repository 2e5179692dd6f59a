package dev.dunning.internal;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.Stage;
import dev.dunning.spi.OutboxMessage;
import java.util.List;

/**
 * What deciding a case at one instant produced: its new state, the events and messages, and the
 * stage it entered (if any). The case still carries the version it was decided on.
 *
 * @param updated the new state
 * @param events the timeline events
 * @param messages the messages queued
 * @param entered the stage that ran, or {@code null}
 * @param approvalRequested the stage now awaiting approval, or {@code null}
 * @param cancelPending whether the case's unsent messages are to be cancelled
 */
public record Step(RecoveryCase updated, List<TimelineEvent> events, List<OutboxMessage> messages, Stage entered,
    Stage approvalRequested, boolean cancelPending) {

  /** Whether the step moved the case (a stage, an approval request, a status change) rather than only rescheduling it. */
  public boolean advanced(RecoveryCase before) {
    return entered != null || approvalRequested != null || before.status() != updated.status();
  }
}
