package dev.dunning.portal.internal;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.portal.PortalAction;
import dev.dunning.portal.PortalRequestException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which portal action the debtor may take in which state of the case. A proof of payment is always
 * welcome; a new request (promise, dispute, plan) only while nothing of theirs awaits a decision
 * or runs, except that a running promise may give way to a dispute or a plan request.
 */
public final class PortalRules {
  private PortalRules() {}

  public static Set<PortalAction> allowed(RecoveryCase c) {
    if (c.isClosed()) {
      return Set.of();
    }
    if (canStartRequest(c)) {
      Set<PortalAction> all = EnumSet.allOf(PortalAction.class);
      if (c.status() == CaseStatus.ON_HOLD) {
        all.remove(PortalAction.PROMISE_TO_PAY); // one promise at a time: no rolling postponement
      }
      return all;
    }
    return EnumSet.of(PortalAction.UPLOAD_PROOF);
  }

  /** Throws, explaining why, if {@code action} is not possible for {@code c} now. */
  public static void require(RecoveryCase c, PortalAction action) {
    if (allowed(c).contains(action)) {
      return;
    }
    String why = c.status() == CaseStatus.ON_HOLD ? switch (c.hold().reason()) {
      case PROOF_UNDER_REVIEW -> "your proof of payment is being reviewed";
      case DISPUTE -> "your dispute is being reviewed";
      case PAYMENT_PLAN_REQUESTED -> "your request for instalments is being reviewed";
      case PAYMENT_PLAN -> "an instalment plan is running";
      case PROMISE_TO_PAY -> "you have already promised to pay by a date";
      case MANUAL -> "your file is being looked at by our team";
    } : "this is not possible on this file";
    throw new PortalRequestException("action", "action.not_allowed", why + "; please contact us for anything else");
  }

  /**
   * Whether the debtor's proof should put the case under review: only while it escalates, awaits an
   * approval or runs on a promise. Any other hold (a review already, a dispute, a plan requested or
   * running, a manual pause) ends with a decision of its own, which a new hold would silently replace;
   * the proof then only goes on the timeline, and a manager may still accept it.
   */
  public static boolean proofStartsReview(RecoveryCase c) {
    return c.status() == CaseStatus.OPEN || c.status() == CaseStatus.AWAITING_APPROVAL
        || (c.status() == CaseStatus.ON_HOLD && c.hold().reason() == HoldReason.PROMISE_TO_PAY);
  }

  /** Whether {@code timeline} holds a proof of payment sent after the last decision on a proof. */
  public static boolean hasUnreviewedProof(List<TimelineEvent> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      EventType type = timeline.get(i).type();
      if (type == EventType.PROOF_SUBMITTED) {
        return true;
      }
      if (type == EventType.PROOF_ACCEPTED || type == EventType.PROOF_REJECTED) {
        return false;
      }
    }
    return false;
  }

  private static boolean canStartRequest(RecoveryCase c) {
    return c.status() == CaseStatus.OPEN || c.status() == CaseStatus.AWAITING_APPROVAL
        || (c.status() == CaseStatus.ON_HOLD && c.hold().reason() == HoldReason.PROMISE_TO_PAY);
  }
}
