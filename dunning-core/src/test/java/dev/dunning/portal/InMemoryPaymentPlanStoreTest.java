package dev.dunning.portal;

import dev.dunning.testkit.PaymentPlanStoreContract;

class InMemoryPaymentPlanStoreTest extends PaymentPlanStoreContract {
  @Override
  protected PaymentPlanStore createStore() {
    return new InMemoryPaymentPlanStore();
  }
}
