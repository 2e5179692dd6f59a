package dev.dunning.portal;

import dev.dunning.model.RecoveryCase;

/**
 * Tells the debtor about a manager's decision on their portal request, beyond what the next
 * reminder says: e.g. an e-mail "your proof of payment was not accepted because…". Called after
 * the decision is stored; an exception it throws is logged and ignored.
 *
 * @since 0.1
 */
public interface DebtorNotifier {
  /** Tells nobody. */
  DebtorNotifier NONE = new DebtorNotifier() {};

  default void onProofAccepted(RecoveryCase closed) {}

  /** The proof was rejected for {@code reason}; escalation resumed with a fresh deadline. */
  default void onProofRejected(RecoveryCase resumed, String reason) {}

  default void onDisputeResolved(RecoveryCase after, DisputeOutcome outcome, String note) {}

  /** The plan was approved ({@link PlanStatus#ACTIVE}) or declined ({@link PlanStatus#DECLINED}). */
  default void onPlanDecided(RecoveryCase after, PaymentPlan plan) {}
}
