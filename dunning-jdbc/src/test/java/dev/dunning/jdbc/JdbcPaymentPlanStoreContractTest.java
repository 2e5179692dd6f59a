package dev.dunning.jdbc;

import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.portal.PaymentPlanStore;
import dev.dunning.testkit.PaymentPlanStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcPaymentPlanStoreContractTest extends PaymentPlanStoreContract {
  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase db;

  @Override
  protected PaymentPlanStore createStore() {
    db = TestDatabase.create(kind);
    return db.storeBuilder().build().paymentPlanStore();
  }

  @AfterEach
  void close() {
    db.close();
  }
}
