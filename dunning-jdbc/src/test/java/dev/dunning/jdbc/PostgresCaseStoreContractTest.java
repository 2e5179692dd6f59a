package dev.dunning.jdbc;

import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.spi.CaseStore;
import dev.dunning.testkit.CaseStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresCaseStoreContractTest extends CaseStoreContract {
  private static TestDatabase db;
  private static JdbcCaseStore jdbc;

  @BeforeAll
  static void database() {
    db = TestDatabase.postgres();
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
