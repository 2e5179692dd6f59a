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
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the scripts shipped in the jar: records each applied script
 * (version, description, checksum, installed_at) in {@code <prefix>schema_version}, applies each
 * pending one in its own transaction, and refuses to start when an applied script was changed.
 * A {@link Dialect} lock makes instances starting together migrate one after the other.
 */
public final class Migrator {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  /** The scripts of this release, oldest first. Listed, not scanned: jars cannot be listed portably. */
  static final Map<Integer, String> SCRIPTS = Map.of(1, "init");

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
      dialect.lockMigrations(c, prefix);
      try {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute(sql.createVersionTable);
        }
        List<MigrationScript> pending = pending(c);
        for (MigrationScript script : pending) {
          apply(c, script);
        }
        return pending.size();
      } finally {
        c.setAutoCommit(autoCommit);
        dialect.unlockMigrations(c, prefix);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("migrating the Dunning schema (tables " + prefix + "*) on " + dialect.name()
          + " failed: " + e.getMessage(), e);
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

  private void apply(Connection c, MigrationScript script) throws SQLException {
    LOG.info("applying {} to {} (tables {}*)", script.resource(), dialect.name(), prefix);
    c.setAutoCommit(false);
    String current = null;
    try (Statement s = c.createStatement()) {
      for (String statement : script.statements(prefix)) {
        current = statement;
        s.execute(statement);
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
      c.rollback();
      throw new JdbcStoreException("migration script " + script.resource() + " failed at statement:\n" + current
          + "\n" + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Probed with a query rather than metadata, which would also see other schemas' tables. */
  private boolean versionTableExists(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true); // on PostgreSQL a failed probe would otherwise abort the transaction
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + sql.versionTable + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
