package dev.dunning.portal;

import java.util.Optional;

/**
 * Keeps the latest instalment plan of each case (earlier requests live on in the case's
 * timeline). {@link InMemoryPaymentPlanStore} is the in-memory implementation.
 *
 * @since 0.1
 */
public interface PaymentPlanStore {

  /** Stores {@code plan} as its case's latest plan, replacing any earlier one. */
  void save(PaymentPlan plan);

  /** The latest plan of a case, or empty. */
  Optional<PaymentPlan> find(String caseId);

  /**
   * Forgets the case's latest plan: used to take back a request whose hold could not be written.
   * Nothing happens if the case has none.
   */
  void delete(String caseId);
}
