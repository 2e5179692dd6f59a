package dev.dunning.jdbc.internal;

import dev.dunning.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * H2 2.x. Its DDL commits implicitly, which would release a row lock held across a script, so
 * migrations are serialised by an insert-if-absent lock row committed on its own.
 */
final class H2Dialect implements Dialect {
  static final Duration LOCK_WAIT = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 50;

  @Override
  public String name() {
    return "H2";
  }

  @Override
  public String scriptFolder() {
    return "db/dunning/h2";
  }

  @Override
  public Statements statements(String prefix) {
    // With ORDER BY, H2 2.x locks every row meeting the condition before it sorts and cuts to the
    // limit: a claim of 500 out of 20,000 due cases locked all 20,000 (each lock a row write, so
    // the tick ran at a tenth of its speed, and another instance found everything locked). Without
    // ORDER BY it locks as it scans and stops at the limit; the index hint makes that scan the
    // ordered one, so the rows still come earliest first.
    // Batches stay JDBC batches: in-process there is no round trip to save, and one MERGE over
    // VALUES measured no cheaper than the same rows updated one by one.
    return new Statements(prefix, " FOR UPDATE", (columns, table, index, condition, orderBy) ->
        "SELECT " + columns + " FROM " + table + " USE INDEX (" + index + ") WHERE " + condition
            + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", false);
  }

  @Override
  public void lockMigrations(Connection connection, String prefix) throws SQLException {
    String table = prefix + "schema_lock";
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER NOT NULL PRIMARY KEY, "
            + "owner VARCHAR(64) NOT NULL, locked_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      }
      String owner = UUID.randomUUID().toString();
      long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
      while (true) {
        try (PreparedStatement ps = connection.prepareStatement(
            "INSERT INTO " + table + " (id, owner, locked_at) VALUES (1, ?, CURRENT_TIMESTAMP)")) {
          ps.setString(1, owner);
          ps.executeUpdate();
          return;
        } catch (SQLException e) {
          if (!Sql.isUniqueViolation(e)) {
            throw e;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new JdbcStoreException("waited " + LOCK_WAIT.toSeconds() + " s for the migration lock in table "
              + table + " (taken at " + lockedAt(connection, table) + "); if no instance is migrating, a crashed "
              + "one left it: DELETE FROM " + table);
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new JdbcStoreException("interrupted while waiting for the migration lock in table " + table, e);
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  @Override
  public void unlockMigrations(Connection connection, String prefix) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("DELETE FROM " + prefix + "schema_lock WHERE id = 1");
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static OffsetDateTime lockedAt(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT locked_at FROM " + table + " WHERE id = 1")) {
      return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
    }
  }
}
