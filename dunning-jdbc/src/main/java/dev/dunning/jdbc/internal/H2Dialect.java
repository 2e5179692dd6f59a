package dev.dunning.jdbc.internal;

import dev.dunning.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * H2 2.x. Its DDL commits implicitly, so a failed script is undone by the migrator, and the
 * migration lock is a row lock held by a transaction on a second connection: it goes with that
 * connection, so a crashed instance never blocks the next start.
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
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  public String tableExistsQuery() {
    // LOWER on both sides: the names are lower case with DATABASE_TO_LOWER, upper case without it
    return "SELECT COUNT(*) > 0 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
        + " AND LOWER(TABLE_NAME) = LOWER(?)";
  }

  @Override
  public MigrationLock lockMigrations(DataSource dataSource, Connection migrating, String prefix)
      throws SQLException {
    String table = prefix + "schema_lock";
    // the lock row exists once and for all (an older release inserted and deleted it per migration,
    // so a crash left it behind; now it is only ever locked, never the lock itself)
    try (Statement s = migrating.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER NOT NULL PRIMARY KEY, "
          + "owner VARCHAR(64) NOT NULL, locked_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      s.executeUpdate("INSERT INTO " + table + " (id, owner, locked_at) SELECT 1, '', CURRENT_TIMESTAMP "
          + "WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE id = 1)");
    } catch (SQLException e) {
      if (!Sql.isUniqueViolation(e)) { // another instance inserted it at the same moment
        throw e;
      }
    }
    // H2 commits each DDL statement, which would end a transaction on the migrating connection:
    // the row lock is held by a transaction of its own, on a second connection, until close
    Connection lock = dataSource.getConnection();
    try {
      lock.setAutoCommit(false);
      waitForRow(lock, table);
      return new RowLock(lock, migrating, table);
    } catch (SQLException | RuntimeException e) {
      try {
        lock.close(); // rolls back
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Row 1 of the lock table, locked by an open transaction of {@code lock}. Row 2, written and
   * committed by the migrating connection while a script runs, names that script ({@code owner} =
   * {@code applying V002}): H2 has committed each of its statements, so should the instance die,
   * the next holder finds row 2 and knows the script's tables are its leftovers.
   */
  private record RowLock(Connection lock, Connection migrating, String table) implements MigrationLock {
    private static final String APPLYING = "applying V";

    @Override
    public int interrupted() throws SQLException {
      try (Statement s = migrating.createStatement();
          ResultSet rs = s.executeQuery("SELECT owner FROM " + table + " WHERE id = 2")) {
        if (rs.next() && rs.getString(1).startsWith(APPLYING)) {
          try {
            return Integer.parseInt(rs.getString(1).substring(APPLYING.length()));
          } catch (NumberFormatException e) {
            return 0;
          }
        }
        return 0;
      }
    }

    @Override
    public void applying(int version) throws SQLException {
      applied();
      try (PreparedStatement ps = migrating.prepareStatement(
          "INSERT INTO " + table + " (id, owner, locked_at) VALUES (2, ?, CURRENT_TIMESTAMP)")) {
        ps.setString(1, String.format("%s%03d", APPLYING, version));
        ps.executeUpdate();
      }
    }

    @Override
    public void applied() throws SQLException {
      try (Statement s = migrating.createStatement()) {
        s.executeUpdate("DELETE FROM " + table + " WHERE id = 2");
      }
    }

    @Override
    public void close() throws SQLException {
      try (lock) {
        lock.rollback();
        lock.setAutoCommit(true);
      }
    }
  }

  /** Locks row 1 of the lock table, waiting while another instance's migration holds it. */
  private static void waitForRow(Connection lock, String table) throws SQLException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    try (PreparedStatement ps = lock.prepareStatement("SELECT id FROM " + table + " WHERE id = 1 FOR UPDATE")) {
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return;
          }
          throw new JdbcStoreException("row 1 of " + table + " disappeared while waiting for the migration lock");
        } catch (SQLException e) {
          if (!isLockTimeout(e)) {
            throw e;
          }
          lock.rollback();
        }
        if (System.nanoTime() > deadline) {
          throw new JdbcStoreException("waited " + LOCK_WAIT.toSeconds() + " s for the migration lock (row 1 of "
              + table + "), which another instance holds while it migrates; it is released when that "
              + "instance finishes or its connection closes");
        }
        try {
          Thread.sleep(POLL_MILLIS); // the session's LOCK_TIMEOUT may be 0
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new JdbcStoreException("interrupted while waiting for the migration lock in table " + table, e);
        }
      }
    }
  }

  /** H2's "timeout trying to lock table" (50200), or a deadlock reported instead (40001). */
  private static boolean isLockTimeout(SQLException e) {
    return e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
  }
}
