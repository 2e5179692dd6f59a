package dev.dunning.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What differs between the databases we support: the folder of migration scripts, the SQL that
 * uses a database-specific clause, whether DDL is transactional, and how two instances starting
 * at once serialise migrations. Everything else is portable SQL in {@link Statements}.
 */
public interface Dialect {

  /** A short name for messages, e.g. {@code PostgreSQL}. */
  String name();

  /** The classpath folder of this dialect's scripts, e.g. {@code db/dunning/postgresql}. */
  String scriptFolder();

  /** The statements of this dialect for tables named with {@code prefix}. */
  Statements statements(String prefix);

  /**
   * Whether a rolled-back transaction also undoes its {@code CREATE TABLE}s (PostgreSQL), or each
   * DDL statement commits on its own (H2), so the migrator must undo a failed script itself.
   */
  boolean transactionalDdl();

  /**
   * A query with one parameter, a table name, whose single boolean column says whether that table
   * exists where an unqualified name resolves to (never an error, which H2 would write to its trace
   * file and PostgreSQL would let abort the transaction).
   */
  String tableExistsQuery();

  /**
   * Blocks until this instance holds the migration lock of {@code prefix}'s tables, so only one
   * instance migrates at a time; closing the returned lock releases it. The lock lives in a
   * database session, never in a committed row, so it dies with its holder: a crashed instance
   * cannot block the next start.
   *
   * @param migrating the connection the scripts will run on (in auto-commit mode)
   */
  MigrationLock lockMigrations(DataSource dataSource, Connection migrating, String prefix) throws SQLException;

  /**
   * A held migration lock. Where DDL is not transactional it also records, committed, which script
   * is being applied, so that the next holder knows what an instance that died halfway left behind.
   */
  interface MigrationLock extends AutoCloseable {
    /** The version of the script an instance was applying when it died, or 0 if none (or not recorded). */
    default int interrupted() throws SQLException {
      return 0;
    }

    /** Records that script {@code version} is being applied, until {@link #applied()}. */
    default void applying(int version) throws SQLException {}

    /** Clears what {@link #applying} recorded: the script was applied, or undone. */
    default void applied() throws SQLException {}

    @Override
    void close() throws SQLException;
  }
}
