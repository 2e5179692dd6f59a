package dev.dunning.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases we support: the folder of migration scripts, the SQL that
 * uses a database-specific clause, and how two instances starting at once serialise migrations.
 * Everything else is portable SQL in {@link Statements}.
 */
public interface Dialect {

  /** A short name for messages, e.g. {@code PostgreSQL}. */
  String name();

  /** The classpath folder of this dialect's scripts, e.g. {@code db/dunning/postgresql}. */
  String scriptFolder();

  /** The statements of this dialect for tables named with {@code prefix}. */
  Statements statements(String prefix);

  /**
   * Blocks until this connection holds the migration lock of {@code prefix}'s tables, so only one
   * instance migrates at a time. Released by {@link #unlockMigrations}, or when the session ends.
   */
  void lockMigrations(Connection connection, String prefix) throws SQLException;

  void unlockMigrations(Connection connection, String prefix) throws SQLException;
}
