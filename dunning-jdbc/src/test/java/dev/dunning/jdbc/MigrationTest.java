package dev.dunning.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dunning.jdbc.support.DyingDataSource;
import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.jdbc.support.TestDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MigrationTest extends EachDatabase {
  /** The versions of the scripts this release ships, each to be recorded exactly once. */
  private static final List<Long> SHIPPED = List.of(1L, 2L);

  private String script() {
    return "db/dunning/" + (kind == TestDatabase.Kind.H2 ? "h2" : "postgresql") + "/V001__init.sql";
  }

  @Test
  void aFreshDatabaseGetsEveryTableAndRecordsVersionOneWithItsChecksum() {
    db.storeBuilder().build();

    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version WHERE version = 1 AND description = 'init' "
        + "AND LENGTH(checksum) = 64 AND installed_at IS NOT NULL")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version WHERE version = 2 "
        + "AND description = 'demands_and_plans' AND LENGTH(checksum) = 64")).isEqualTo(1);
    assertThat(appliedVersions()).isEqualTo(SHIPPED);
    for (String table : List.of("case", "case_invoice", "event", "outbox", "document", "portal_token", "demand",
        "payment_plan")) {
      assertThat(db.count("SELECT COUNT(*) FROM dunning_" + table)).isZero();
    }
  }

  @Test
  void runningAgainChangesNothing() {
    db.storeBuilder().build();
    long installedAt = db.count("SELECT COUNT(*) FROM dunning_schema_version");

    db.storeBuilder().build();

    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version")).isEqualTo(installedAt).isEqualTo(SHIPPED.size());
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
    assertThat(db.count("SELECT COUNT(*) FROM dunning_schema_version")).isEqualTo(SHIPPED.size());
  }

  @Test
  void aTableTheScriptWouldCreateThatAlreadyExistsIsNamedAndOnceItIsGoneTheMigrationSucceeds() {
    db.execute("CREATE TABLE dunning_document (id INTEGER)"); // another application's table

    assertThatThrownBy(() -> db.storeBuilder().build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining(script())
        .hasMessageContaining("dunning_document")
        .hasMessageContaining("tablePrefix");
    assertThatThrownBy(() -> db.count("SELECT COUNT(*) FROM dunning_case")).as("nothing created")
        .isInstanceOf(IllegalStateException.class);

    db.execute("DROP TABLE dunning_document");
    db.storeBuilder().build();

    assertThat(appliedVersions()).isEqualTo(SHIPPED);
    assertThat(db.count("SELECT COUNT(*) FROM dunning_document")).isZero();
  }

  @Test
  void aScriptFailingHalfwayLeavesNoTableBehindSoTheNextStartCanApplyIt() {
    // index names are per schema: another application's index takes a name the script needs
    db.execute("CREATE TABLE other_app (x INTEGER)");
    db.execute("CREATE INDEX dunning_case_debtor ON other_app (x)");

    assertThatThrownBy(() -> db.storeBuilder().build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining(script())
        .hasMessageContaining("CREATE INDEX dunning_case_debtor");
    assertThatThrownBy(() -> db.count("SELECT COUNT(*) FROM dunning_case")).as("the script's first table")
        .isInstanceOf(IllegalStateException.class);

    db.execute("DROP INDEX dunning_case_debtor");
    db.storeBuilder().build();

    assertThat(appliedVersions()).isEqualTo(SHIPPED);
    assertThat(db.count("SELECT COUNT(*) FROM dunning_case")).isZero();
  }

  @Test
  void anInstanceThatDiedHoldingTheMigrationLockDoesNotBlockTheNextStart() {
    DataSource dying = DyingDataSource.diesAt(db.unpooled(), "CREATE TABLE dunning_case (");
    assertThatThrownBy(() -> JdbcCaseStore.builder(dying).build()).isInstanceOf(JdbcStoreException.class);

    JdbcCaseStore store = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> db.storeBuilder().build(),
        "the next start waited for the dead instance's lock");

    assertThat(store.find("C-1")).isEmpty();
    assertThat(appliedVersions()).isEqualTo(SHIPPED);
  }

  @Test
  void anInstanceThatDiedHalfwayThroughAScriptLeavesNothingTheNextStartCannotFinish() {
    // on H2 the script's first two tables were committed when the instance died
    DataSource dying = DyingDataSource.diesAt(db.unpooled(), "CREATE TABLE dunning_event (");
    assertThatThrownBy(() -> JdbcCaseStore.builder(dying).build()).isInstanceOf(JdbcStoreException.class);

    JdbcCaseStore store = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> db.storeBuilder().build());

    assertThat(appliedVersions()).isEqualTo(SHIPPED);
    assertThat(store.find("C-1")).isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM dunning_event")).isZero();
  }

  @Test
  void dbaModeOnAnEmptyDatabaseFailsFastPointingToThePendingSqlAndBuildsOnceItWasApplied() {
    assertThatThrownBy(() -> db.storeBuilder().migrate(false).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("dunning_schema_version")
        .hasMessageContaining("pendingMigrationSql()")
        .hasMessageContaining("verifySchema(false)");

    db.execute(db.storeBuilder().pendingMigrationSql());

    JdbcCaseStore store = db.storeBuilder().migrate(false).build();
    assertThat(store.find("C-1")).isEmpty();
    assertThat(appliedVersions()).isEqualTo(SHIPPED);
  }

  @Test
  void dbaModeWithAScriptNotYetAppliedNamesItAndVerifySchemaFalseSkipsTheCheck() {
    db.storeBuilder().build();
    int newest = SHIPPED.get(SHIPPED.size() - 1).intValue();
    db.execute("DELETE FROM dunning_schema_version WHERE version = " + newest);

    assertThatThrownBy(() -> db.storeBuilder().migrate(false).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining(String.format("V%03d__", newest))
        .hasMessageContaining("pendingMigrationSql()");
    assertThat(db.storeBuilder().migrate(false).verifySchema(false).build()).isNotNull();
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

    db.storeBuilder().tablePrefix("erp_dun_").migrate(false).verifySchema(false).build();

    assertThat(sql).contains("-- " + script(), "CREATE TABLE erp_dun_case (", "CREATE TABLE erp_dun_outbox (",
        "INSERT INTO erp_dun_schema_version").doesNotContain("${prefix}");
    assertThatThrownBy(() -> db.count("SELECT COUNT(*) FROM erp_dun_case")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCustomPrefixNamesEveryTableAndABadOneIsRefused() {
    db.storeBuilder().tablePrefix("erp_dun_").build();

    assertThat(db.count("SELECT COUNT(*) FROM erp_dun_case")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM erp_dun_schema_version")).isEqualTo(SHIPPED.size());
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

  /** The versions recorded in dunning_schema_version, in order. */
  private List<Long> appliedVersions() {
    List<Long> versions = new ArrayList<>();
    long count = db.count("SELECT COUNT(*) FROM dunning_schema_version");
    for (int i = 0; i < count; i++) {
      versions.add(db.count("SELECT version FROM dunning_schema_version ORDER BY version OFFSET " + i
          + " ROWS FETCH NEXT 1 ROWS ONLY"));
    }
    return versions;
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
