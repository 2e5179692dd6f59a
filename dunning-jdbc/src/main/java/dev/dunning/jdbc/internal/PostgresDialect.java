package dev.dunning.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** PostgreSQL 15+: a session advisory lock serialises migrations; row locks are NO KEY UPDATE. */
final class PostgresDialect implements Dialect {

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String scriptFolder() {
    return "db/dunning/postgresql";
  }

  @Override
  public Statements statements(String prefix) {
    // NO KEY UPDATE: a claimed case still lets other transactions insert events and messages
    // referencing it (their foreign-key check takes KEY SHARE, which FOR UPDATE would block).
    // PostgreSQL locks row by row as the ordered index scan feeds the LIMIT: only the rows returned.
    return new Statements(prefix, " FOR NO KEY UPDATE", (columns, table, index, condition, orderBy) ->
        "SELECT " + columns + " FROM " + table + " WHERE " + condition + " ORDER BY " + orderBy
            + " FETCH FIRST ? ROWS ONLY FOR NO KEY UPDATE SKIP LOCKED", true);
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public String tableExistsQuery() {
    return "SELECT to_regclass(?) IS NOT NULL"; // resolved through the search_path, as the store's SQL is
  }

  @Override
  public MigrationLock lockMigrations(DataSource dataSource, Connection migrating, String prefix)
      throws SQLException {
    // a session lock on the migrating connection itself: DDL does not release it, and it goes when
    // the session ends, so a crash never leaves it held
    long key = lockKey(prefix);
    try (PreparedStatement ps = migrating.prepareStatement("SELECT pg_advisory_lock(?)")) {
      ps.setLong(1, key);
      ps.execute();
    }
    return () -> {
      try (PreparedStatement ps = migrating.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        ps.setLong(1, key);
        ps.execute();
      }
    };
  }

  /** A stable 64-bit key per table prefix, so stores with different prefixes migrate independently. */
  static long lockKey(String prefix) {
    long h = 0x64756e6e696e67L; // "dunning"
    for (byte b : ("dunning-migrate:" + prefix).getBytes(StandardCharsets.UTF_8)) {
      h = h * 1_099_511_628_211L ^ b;
    }
    return h;
  }
}
