package dev.dunning.jdbc;

import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.spi.DocumentStore;
import dev.dunning.testing.MutableClock;
import dev.dunning.testkit.CaseFixtures;
import dev.dunning.testkit.DocumentStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcDocumentStoreContractTest extends DocumentStoreContract {
  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase db;

  @Override
  protected DocumentStore createStore() {
    db = TestDatabase.create(kind);
    return db.storeBuilder().build().documentStore(MutableClock.at(CaseFixtures.T0));
  }

  @AfterEach
  void close() {
    db.close();
  }
}
