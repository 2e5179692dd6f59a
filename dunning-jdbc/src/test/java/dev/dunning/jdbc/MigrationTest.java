package dev.dunning.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.jdbc.support.TestDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class MigrationTest {
  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase db;

  @BeforeEach
  void freshDatabase() {
    db = TestDatabase.create(kind);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String script() {
    return "db/dunning/" + (kind == TestDatabase.Kind.H2 ? "h2" : "postgresql") + "/V001__init.sql";
  }

  @Test
  void aFreshDatabaseGetsEveryTableAndRecordsVersionOneWithItsChecksum() {
    db.storeBuilder().build();

    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version WHERE version = 1 AND description = 'init' "
        + "AND LENGTH(checksum) = 64 AND installed_at IS NOT NULL")).isEqualTo(1);
    for (String table : List.of("case", "case_invoice", "event", "outbox", "document", "portal_token")) {
      assertThat(db.count("SELECT COUNT(*) FROM dunning_" + table)).isZero();
    }
  }

  @Test
  void runningAgainChangesNothing() {
    db.storeBuilder().build();
    long installedAt = db.count("SELECT COUNT(*) FROM dunning_schema_version");

    db.storeBuilder().build();

    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version")).isEqualTo(installedAt).isEqualTo(1);
    assertThat(db.storeBuilder().pendingMigrationSql()).isEmpty();
  }

  @Test
  void instancesStartingTogetherMigrateOnceAndAllStart() throws Exception {
    int instances = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<JdbcCaseStore>> started = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        DataSource own = db.newPool(2);
        started.add(pool.submit(() -> {
          start.await();
          return JdbcCaseStore.builder(own).build();
        }));
      }
      start.countDown();
      for (Future<JdbcCaseStore> f : started) {
        assertThat(f.get()).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version")).isEqualTo(1);
  }

  @Test
  void aScriptChangedAfterItWasAppliedIsRefusedNamingTheScript() {
    db.storeBuilder().build();
    db.execute("UPDATE dunning_schema_version SET checksum = 'tampered' WHERE version = 1");

    assertThatThrownBy(() -> db.storeBuilder().build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining(script())
        .hasMessageContaining("was changed after it was applied");
  }

  @Test
  void dbaModeTouchesNothingAndPrintsThePendingSqlWithThePrefixFilledIn() {
    String sql = db.storeBuilder().tablePrefix("erp_dun_").pendingMigrationSql();

    db.storeBuilder().tablePrefix("erp_dun_").migrate(false).build();

    assertThat(sql).contains("-- " + script(), "CREATE TABLE erp_dun_case (", "CREATE TABLE erp_dun_outbox (",
        "INSERT INTO erp_dun_schema_version").doesNotContain("${prefix}");
    assertThatThrownBy(() -> db.count("SELECT COUNT(*) FROM erp_dun_case")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCustomPrefixNamesEveryTableAndABadOneIsRefused() {
    db.storeBuilder().tablePrefix("erp_dun_").build();

    assertThat(db.count("SELECT COUNT(*) FROM erp_dun_case")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM erp_dun_schema_version")).isEqualTo(1);
    assertThatThrownBy(() -> db.storeBuilder().tablePrefix("x; DROP TABLE users; --"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x; DROP TABLE users; --'");
  }

  @Test
  void anUnsupportedDatabaseIsRefusedByName() {
    DatabaseMetaData meta = fake(DatabaseMetaData.class, "getDatabaseProductName", "Oracle",
        "getDatabaseProductVersion", "23ai", "getDriverName", "ojdbc11");
    Connection connection = fake(Connection.class, "getMetaData", meta);
    DataSource oracle = fake(DataSource.class, "getConnection", connection);

    assertThatThrownBy(() -> JdbcCaseStore.builder(oracle).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("unsupported database 'Oracle 23ai'");
  }

  /** A fake answering the named methods with the given values (and {@code close()} with nothing). */
  private static <T> T fake(Class<T> type, Object... answers) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      for (int i = 0; i < answers.length; i += 2) {
        if (answers[i].equals(method.getName())) {
          return answers[i + 1];
        }
      }
      if (method.getName().equals("close")) {
        return null;
      }
      throw new UnsupportedOperationException(method.getName());
    }));
  }
}
