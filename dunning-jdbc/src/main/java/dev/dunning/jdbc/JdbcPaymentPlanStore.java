package dev.dunning.jdbc;

import dev.dunning.jdbc.internal.Plans;
import dev.dunning.portal.PaymentPlan;
import dev.dunning.portal.PaymentPlanStore;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PaymentPlanStore} in the same database as a {@link JdbcCaseStore}, table
 * {@code <prefix>payment_plan}, one row per case: plan requests and running plans survive a
 * restart. Obtain one from {@link JdbcCaseStore#paymentPlanStore()}.
 *
 * @since 0.1
 */
public final class JdbcPaymentPlanStore implements PaymentPlanStore {
  private final Plans plans;

  JdbcPaymentPlanStore(Plans plans) {
    this.plans = plans;
  }

  @Override
  public void save(PaymentPlan plan) {
    plans.save(Objects.requireNonNull(plan, "plan"));
  }

  /** @throws IllegalStateException naming the table and column if the stored row cannot be read */
  @Override
  public Optional<PaymentPlan> find(String caseId) {
    return plans.find(caseId);
  }

  @Override
  public void delete(String caseId) {
    plans.delete(caseId);
  }
}
