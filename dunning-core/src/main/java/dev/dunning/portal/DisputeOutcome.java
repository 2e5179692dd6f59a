package dev.dunning.portal;

/**
 * A manager's decision on a dispute.
 *
 * @since 0.1
 */
public enum DisputeOutcome {
  /** The debtor is right and the claim is withdrawn: the case closes as CANCELLED. */
  UPHELD_CANCEL,
  /** The debtor is right and a credit note cancels the claim: the case closes as CREDITED. */
  UPHELD_CREDIT,
  /** The claim stands: escalation resumes. */
  REJECTED
}
