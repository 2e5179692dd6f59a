package dev.dunning.portal;

/**
 * What the debtor may do on the portal page right now; {@link PortalView#actions()} lists the
 * allowed ones so the page shows only buttons that work.
 *
 * @since 0.1
 */
public enum PortalAction {
  /** Upload a proof of payment: always possible while the case is open. */
  UPLOAD_PROOF,
  /** Promise to pay by a date. */
  PROMISE_TO_PAY,
  /** Dispute the claim. */
  DISPUTE,
  /** Ask to pay in instalments. */
  REQUEST_PAYMENT_PLAN
}
