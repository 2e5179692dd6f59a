package dev.dunning.jdbc;

import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.spi.CaseStore;
import dev.dunning.testkit.CaseStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2CaseStoreContractTest extends CaseStoreContract {
  private static TestDatabase db;
  private static JdbcCaseStore jdbc;

  @BeforeAll
  static void database() {
    db = TestDatabase.h2();
    jdbc = db.storeBuilder().build();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected CaseStore createStore() {
    db.empty();
    return jdbc;
  }
}
