package dev.dunning.portal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link PaymentPlanStore} in memory, for tests, demos and small hosts. Nothing
 * survives the JVM.
 *
 * @since 0.1
 */
public final class InMemoryPaymentPlanStore implements PaymentPlanStore {
  private final ConcurrentHashMap<String, PaymentPlan> byCase = new ConcurrentHashMap<>();

  @Override
  public void save(PaymentPlan plan) {
    byCase.put(Objects.requireNonNull(plan, "plan").caseId(), plan);
  }

  @Override
  public Optional<PaymentPlan> find(String caseId) {
    return Optional.ofNullable(byCase.get(caseId));
  }

  @Override
  public void delete(String caseId) {
    byCase.remove(caseId);
  }
}
