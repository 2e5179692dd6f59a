package dev.dunning.internal;

import dev.dunning.PreviewStep;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A case's future if nobody pays, walked with the same {@link Decider} a tick uses. Each step runs
 * when the real tick would: at the case's next action, or now if that time has already passed (a
 * case nobody ticked since it fell due, a hold whose end has passed), never in the past.
 */
public final class Previews {
  private static final int MAX_STEPS = 100;

  private Previews() {}

  public static List<PreviewStep> of(Decider decider, RecoveryCase recoveryCase, Instant now) {
    List<PreviewStep> steps = new ArrayList<>();
    RecoveryCase c = recoveryCase;
    for (int guard = 0; guard < MAX_STEPS && !c.isClosed(); guard++) {
      if (c.status() == CaseStatus.AWAITING_APPROVAL) {
        Instant at = now.isAfter(c.openedAt()) ? now : c.openedAt();
        c = add(steps, decider.approve(c, at, Actor.SYSTEM), at, true);
        continue;
      }
      if (c.nextActionAt() == null) {
        break;
      }
      Instant at = c.nextActionAt().isBefore(now) ? now : c.nextActionAt();
      Step step = decider.decide(c, at);
      if (step.approvalRequested() != null) {
        c = add(steps, decider.approve(step.updated(), at, Actor.SYSTEM), at, true);
      } else {
        c = add(steps, step, at, false);
      }
    }
    return steps;
  }

  private static RecoveryCase add(List<PreviewStep> steps, Step step, Instant at, boolean approval) {
    if (step.entered() != null) {
      steps.add(new PreviewStep(at, step.entered().id(), step.entered().kind(),
          step.messages().stream().map(OutboxMessage::channel).toList(), step.updated().deadline(),
          step.updated().balance(), approval));
    }
    return step.updated();
  }
}
