package dev.dunning.jdbc.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dunning.jdbc.JdbcCaseStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh database for one test class: an in-memory H2 database, or a schema of its own on the
 * shared PostgreSQL. Hands out pooled data sources (several, for several "instances") and closes
 * them all at the end.
 */
public final class TestDatabase implements AutoCloseable {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  /** The tables of the schema, children first, for emptying between tests. */
  private static final String[] TABLES = {"event", "outbox", "case_invoice", "document", "portal_token", "case", "demand",
      "payment_plan"};

  public enum Kind { H2, POSTGRES }

  private final Kind kind;
  private final DataSource unpooled;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private DataSource shared;

  private TestDatabase(Kind kind, DataSource unpooled) {
    this.kind = kind;
    this.unpooled = unpooled;
  }

  public static TestDatabase create(Kind kind) {
    return kind == Kind.H2 ? h2() : postgres();
  }

  public static TestDatabase h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:dunning" + SEQUENCE.incrementAndGet()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    return new TestDatabase(Kind.H2, ds);
  }

  public static TestDatabase postgres() {
    return new TestDatabase(Kind.POSTGRES, EmbeddedPg.newSchema("t" + ProcessHandle.current().pid() + "_"
        + SEQUENCE.incrementAndGet()));
  }

  public Kind kind() {
    return kind;
  }

  /** A connection per call, no pool. */
  public DataSource unpooled() {
    return unpooled;
  }

  /** The pool shared by the test's main instance. */
  public synchronized DataSource dataSource() {
    if (shared == null) {
      shared = newPool(8);
    }
    return shared;
  }

  /** A pool of its own, as a separate application instance would have. */
  public synchronized DataSource newPool(int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(unpooled);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setPoolName(kind + "-" + SEQUENCE.incrementAndGet());
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  public JdbcCaseStore.Builder storeBuilder() {
    return JdbcCaseStore.builder(dataSource());
  }

  /** Empties every Dunning table (default prefix), keeping the schema. */
  public void empty() {
    for (String table : TABLES) {
      execute("DELETE FROM dunning_" + table);
    }
  }

  public int execute(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public long count(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public String queryString(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public synchronized void close() {
    pools.forEach(HikariDataSource::close);
    pools.clear();
    shared = null;
    if (kind == Kind.H2) {
      try (Connection c = unpooled.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // already closed
      }
    }
  }

  @Override
  public String toString() {
    return kind.toString();
  }
}
