package dev.dunning.jdbc.internal;

import dev.dunning.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work on a connection of the host's {@link DataSource}: writes in one transaction that is
 * committed, or rolled back on any failure so nothing is half-written. The connection's auto-commit
 * mode is restored before it goes back to the host's pool.
 */
public final class Tx {
  /** Work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public Tx(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} in a transaction; {@code what} names the table and operation in errors. */
  public <T> T write(String what, Work<T> work) {
    Connection c = connect(what);
    try (c) {
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      } finally {
        if (autoCommit) {
          restoreAutoCommit(c);
        }
      }
    } catch (SQLException e) {
      throw new JdbcStoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs read-only {@code work} in whatever mode the host's connections are in. */
  public <T> T read(String what, Work<T> work) {
    Connection c = connect(what);
    try (c) {
      return work.run(c);
    } catch (SQLException e) {
      throw new JdbcStoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  private Connection connect(String what) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new JdbcStoreException(what + " failed: no connection: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e); // the connection is likely dead: the database rolls back on its own
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // a dead connection: the pool will discard it
    }
  }
}
