package dev.dunning.jdbc.internal;

import dev.dunning.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the scripts shipped in the jar: records each applied script
 * (version, description, checksum, installed_at) in {@code <prefix>schema_version}, applies the
 * pending ones in order, and refuses to start when an applied script was changed.
 *
 * <p>Before a script runs, none of the tables it creates may exist: a table of that name belongs
 * to another application and is named in the error instead of failing halfway. On PostgreSQL a
 * script runs in one transaction, so a failure or a crash leaves nothing. H2 commits every DDL
 * statement, so there a failed script's tables and indexes are dropped again, and the lock records
 * which script is running, so the tables of an instance that died halfway are dropped by the next
 * one before it applies the script; H2 scripts therefore only create tables and indexes, never
 * alter existing ones. A
 * {@link Dialect} lock, held in a database session that dies with its instance, makes instances
 * starting together migrate one after the other.
 */
public final class Migrator {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  /** The scripts of this release, oldest first. Listed, not scanned: jars cannot be listed portably. */
  static final Map<Integer, String> SCRIPTS = Map.of(1, "init", 2, "demands_and_plans");

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String prefix;
  private final Statements sql;

  public Migrator(DataSource dataSource, Dialect dialect, String prefix) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.prefix = prefix;
    this.sql = dialect.statements(prefix);
  }

  /** The scripts this release ships for the dialect, oldest first. */
  List<MigrationScript> scripts() {
    List<MigrationScript> scripts = new ArrayList<>();
    new TreeMap<>(SCRIPTS).forEach((version, description) ->
        scripts.add(MigrationScript.load(dialect.scriptFolder(), version, description)));
    return scripts;
  }

  /** Applies every pending script; returns how many. */
  public int migrate() {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Dialect.MigrationLock lock = dialect.lockMigrations(dataSource, c, prefix)) {
        try (Statement s = c.createStatement()) {
          s.execute(sql.createVersionTable);
        }
        List<MigrationScript> pending = pending(c);
        for (MigrationScript script : pending) {
          apply(c, lock, script);
        }
        return pending.size();
      } finally {
        restoreAutoCommit(c, autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("migrating the Dunning schema (tables " + prefix + "*) on " + dialect.name()
          + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks, without changing anything, that every script of this release was applied (by a DBA,
   * where the store does not migrate), so a store on a missing or outdated schema fails at build
   * time rather than at its first use.
   *
   * @throws JdbcStoreException naming what is missing and how to apply it
   */
  public void verify() {
    String howTo = "apply the SQL that JdbcCaseStore.Builder.pendingMigrationSql() prints (or let the store "
        + "migrate: migrate(true)); where another tool such as Flyway applies the scripts and keeps its own "
        + "history, turn this check off with verifySchema(false)";
    try (Connection c = dataSource.getConnection()) {
      if (!versionTableExists(c)) {
        throw new JdbcStoreException("the Dunning schema is not installed: " + sql.versionTable + " does not exist "
            + "on " + dialect.name() + ", and this store was built with migrate(false). To install it, " + howTo);
      }
      List<MigrationScript> pending = pending(c);
      if (!pending.isEmpty()) {
        throw new JdbcStoreException("the Dunning schema (tables " + prefix + "*) lacks "
            + pending.stream().map(MigrationScript::resource).collect(Collectors.joining(", "))
            + ", and this store was built with migrate(false). To apply it, " + howTo);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("reading " + sql.versionTable + " failed: " + e.getMessage(), e);
    }
  }

  /** The SQL the pending scripts would run, prefix filled in, for a DBA to review or apply. */
  public String pendingSql() {
    try (Connection c = dataSource.getConnection()) {
      boolean exists = versionTableExists(c);
      List<MigrationScript> pending = exists ? pending(c) : scripts();
      StringBuilder out = new StringBuilder();
      for (MigrationScript script : pending) {
        out.append("-- ").append(script.resource()).append(" (checksum ").append(script.checksum()).append(")\n")
            .append(script.sql(prefix)).append('\n')
            .append("INSERT INTO ").append(sql.versionTable).append(" (version, description, checksum, installed_at) ")
            .append("VALUES (").append(script.version()).append(", '").append(script.description()).append("', '")
            .append(script.checksum()).append("', CURRENT_TIMESTAMP);\n\n");
      }
      if (!pending.isEmpty() && !exists) {
        out.insert(0, sql.createVersionTable + ";\n\n");
      }
      return out.toString();
    } catch (SQLException e) {
      throw new JdbcStoreException("reading " + sql.versionTable + " failed: " + e.getMessage(), e);
    }
  }

  private List<MigrationScript> pending(Connection c) throws SQLException {
    Map<Integer, String[]> applied = new TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.appliedVersions)) {
      while (rs.next()) {
        applied.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
      }
    }
    List<MigrationScript> scripts = scripts();
    int newest = scripts.get(scripts.size() - 1).version();
    List<MigrationScript> pending = new ArrayList<>();
    for (MigrationScript script : scripts) {
      String[] row = applied.get(script.version());
      if (row == null) {
        pending.add(script);
      } else if (!row[1].equals(script.checksum())) {
        throw new JdbcStoreException("migration script " + script.resource() + " was changed after it was applied: "
            + sql.versionTable + " records checksum " + row[1] + " for version " + script.version()
            + ", the script now has " + script.checksum() + ". Restore the original script; never edit an applied one.");
      }
    }
    for (int version : applied.keySet()) {
      if (version > newest) {
        throw new JdbcStoreException(sql.versionTable + " is at version " + version + ", newer than this release of "
            + "Dunning knows (" + newest + "): upgrade the library, or point it at another table prefix");
      }
    }
    return pending;
  }

  private void apply(Connection c, Dialect.MigrationLock lock, MigrationScript script) throws SQLException {
    List<String> clashes = existingTables(c, script.createdTables(prefix));
    if (!clashes.isEmpty() && lock.interrupted() == script.version()) {
      // an instance died applying this very script, after the check below had found none of its
      // tables: they are that instance's, committed statement by statement
      LOG.warn("{} was being applied by an instance that died; dropping the tables it had created: {}",
          script.resource(), clashes);
      for (String table : clashes) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
        }
      }
      clashes = existingTables(c, script.createdTables(prefix));
    }
    if (!clashes.isEmpty()) {
      throw new JdbcStoreException("migration script " + script.resource() + " creates "
          + String.join(", ", clashes) + ", which already exist" + (clashes.size() == 1 ? "s" : "") + " but "
          + sql.versionTable + " does not record version " + script.version() + ": they belong to another "
          + "application, or were left by an interrupted migration. Give Dunning tables of its own with another "
          + "tablePrefix (now '" + prefix + "'), or drop them if they are empty leftovers of Dunning's");
    }
    LOG.info("applying {} to {} (tables {}*)", script.resource(), dialect.name(), prefix);
    lock.applying(script.version());
    c.setAutoCommit(false);
    List<String> created = new ArrayList<>(); // what H2 committed already, to drop should the script fail
    String current = null;
    try (Statement s = c.createStatement()) {
      for (String statement : script.statements(prefix)) {
        current = statement;
        s.execute(statement);
        if (MigrationScript.createdObject(statement) != null) {
          created.add(statement);
        }
      }
      current = sql.insertVersion;
      try (PreparedStatement ps = c.prepareStatement(sql.insertVersion)) {
        ps.setInt(1, script.version());
        ps.setString(2, script.description());
        ps.setString(3, script.checksum());
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      try {
        c.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      String undone = "";
      if (!dialect.transactionalDdl() && !created.isEmpty()) {
        List<String> left = undo(c, created, e);
        undone = left.isEmpty() ? "\n(the tables and indexes it had created were dropped again)"
            : "\n(could not drop what it had created: " + String.join(", ", left) + "; the next start drops them)";
        if (!left.isEmpty()) {
          throw new JdbcStoreException("migration script " + script.resource() + " failed at statement:\n"
              + current + "\n" + e.getMessage() + undone, e); // left marked as being applied, for the next start
        }
      }
      try {
        c.setAutoCommit(true);
        lock.applied();
      } catch (SQLException clearing) {
        e.addSuppressed(clearing);
      }
      throw new JdbcStoreException("migration script " + script.resource() + " failed at statement:\n" + current
          + "\n" + e.getMessage() + undone, e);
    } finally {
      restoreAutoCommit(c, true);
    }
    lock.applied(); // after the commit: a failure here must not undo an applied script
  }

  /** Drops what a failed script created, newest first; returns what could not be dropped. */
  private static List<String> undo(Connection c, List<String> created, SQLException cause) {
    List<String> left = new ArrayList<>();
    for (int i = created.size() - 1; i >= 0; i--) {
      String statement = created.get(i);
      String name = MigrationScript.createdObject(statement);
      String drop = MigrationScript.createsIndex(statement) ? "DROP INDEX IF EXISTS " + name
          : "DROP TABLE IF EXISTS " + name + " CASCADE";
      try {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute(drop);
        }
      } catch (SQLException e) {
        cause.addSuppressed(e);
        left.add(name);
      }
    }
    return left;
  }

  /** Those of {@code tables} that exist, probed as {@link #versionTableExists} probes. */
  private List<String> existingTables(Connection c, List<String> tables) throws SQLException {
    List<String> existing = new ArrayList<>();
    for (String table : tables) {
      if (tableExists(c, table)) {
        existing.add(table);
      }
    }
    return existing;
  }

  private boolean versionTableExists(Connection c) throws SQLException {
    return tableExists(c, sql.versionTable);
  }

  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // a dead connection: whatever failed says why, and the pool discards it
    }
  }

  /** Asked of the database rather than of its metadata, which would also see other schemas' tables. */
  private boolean tableExists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.tableExistsQuery())) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

}
