package dev.dunning.intake;

import dev.dunning.model.RecoveryCase;

/**
 * Hears what happens to demands, to tell the requester (e-mail, intranet notification) and the
 * collection team. Runs on the caller's thread after the change is stored; an exception it throws
 * is logged and ignored, never undoing the decision.
 *
 * @since 0.1
 */
public interface DemandListener {
  /** Hears nothing. */
  DemandListener NONE = new DemandListener() {};

  /** A valid demand now waits for a manager. */
  default void onSubmitted(StoredDemand demand) {}

  /** The demand was approved and {@code opened} is its case. */
  default void onApproved(StoredDemand demand, RecoveryCase opened) {}

  /** The demand was rejected; {@link StoredDemand#rejectionReason()} says why. */
  default void onRejected(StoredDemand demand) {}
}
