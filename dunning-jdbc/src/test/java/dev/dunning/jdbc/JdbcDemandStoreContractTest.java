package dev.dunning.jdbc;

import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.intake.DemandStore;
import dev.dunning.testkit.DemandStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcDemandStoreContractTest extends DemandStoreContract {
  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase db;

  @Override
  protected DemandStore createStore() {
    db = TestDatabase.create(kind);
    return db.storeBuilder().build().demandStore();
  }

  @AfterEach
  void close() {
    db.close();
  }
}
