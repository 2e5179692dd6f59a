package dev.dunning.examples.demo;

import dev.dunning.PreviewStep;
import dev.dunning.RecoveryEngine;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.RecoveryCase;
import java.time.ZoneId;
import java.util.List;

/**
 * What the desk suggests doing next with a case: a decision a person owes (approve, review a proof,
 * decide a plan or a dispute), or what the engine will do by itself and when, taken from the
 * engine's own preview so the desk never guesses differently from the ladder.
 */
public final class NextAction {
  private NextAction() {}

  /**
   * The suggestion for {@code c}, in a few words.
   *
   * @param zone the zone dates are shown in
   */
  public static String of(RecoveryCase c, RecoveryEngine engine, ZoneId zone) {
    if (c.status() == CaseStatus.CLOSED) {
      return "none: closed as " + c.resolution().code();
    }
    if (c.status() == CaseStatus.AWAITING_APPROVAL) {
      return "approve the " + label(c.pendingStageId());
    }
    if (c.status() == CaseStatus.ON_HOLD) {
      String until = c.hold().until() == null ? "" : " (until " + c.hold().until().atZone(zone).toLocalDate() + ")";
      return switch (c.hold().reason()) {
        case PROOF_UNDER_REVIEW -> "review the proof of payment";
        case PAYMENT_PLAN_REQUESTED -> "decide on the instalment plan";
        case DISPUTE -> "resolve the dispute";
        case PROMISE_TO_PAY -> "wait: payment promised" + until;
        case PAYMENT_PLAN -> "wait: paying in instalments" + until;
        case MANUAL -> "resume when ready" + until;
      };
    }
    List<PreviewStep> future = engine.preview(c);
    if (future.isEmpty()) {
      return "ladder done: hand over or write off";
    }
    PreviewStep next = future.get(0);
    return (next.needsApproval() ? "approval needed for " : "") + label(next.stageId()) + " on "
        + next.at().atZone(zone).toLocalDate();
  }

  /** A stage id as words: {@code formal_notice} → "formal notice". */
  public static String label(String stageId) {
    return stageId == null ? "not started" : stageId.replace('_', ' ').replaceAll("(\\D)(\\d)", "$1 $2");
  }
}
