package dev.dunning.jdbc.internal;

import dev.dunning.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Chooses the {@link Dialect} from what the JDBC driver says the database is. */
public final class Dialects {
  /** The oldest PostgreSQL we test on (standard MERGE, SKIP LOCKED, identity columns). */
  static final int MIN_POSTGRES_MAJOR = 15;

  private Dialects() {}

  public static Dialect detect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return detect(c.getMetaData());
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot connect to detect the database dialect: " + e.getMessage(), e);
    }
  }

  public static Dialect detect(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName();
    if ("H2".equalsIgnoreCase(product)) {
      return new H2Dialect();
    }
    if ("PostgreSQL".equalsIgnoreCase(product)) {
      int major = meta.getDatabaseMajorVersion();
      if (major < MIN_POSTGRES_MAJOR) {
        throw new JdbcStoreException("PostgreSQL " + meta.getDatabaseProductVersion() + " is not supported: "
            + "Dunning needs PostgreSQL " + MIN_POSTGRES_MAJOR + " or later");
      }
      return new PostgresDialect();
    }
    throw new JdbcStoreException("unsupported database '" + product + " " + meta.getDatabaseProductVersion()
        + "' (driver " + meta.getDriverName() + "): Dunning's JDBC store supports H2 and PostgreSQL "
        + MIN_POSTGRES_MAJOR + "+");
  }
}
