package dev.dunning.jdbc.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL server per test JVM: the one {@code DUNNING_TEST_PG_URL} points at, or else an
 * embedded PostgreSQL 15 started on first use (a few seconds) and stopped when the JVM exits.
 * Sessions run in America/Los_Angeles so a missed time-zone conversion shows.
 */
public final class EmbeddedPg {
  public static final String SESSION_TIME_ZONE = "America/Los_Angeles";
  private static String url;

  private EmbeddedPg() {}

  private static synchronized String url() {
    if (url == null) {
      String external = System.getenv("DUNNING_TEST_PG_URL");
      if (external != null && !external.isBlank()) {
        url = external;
      } else {
        try {
          EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              pg.close();
            } catch (IOException ignored) {
              // the JVM is exiting
            }
          }));
          url = pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
      }
    }
    return url;
  }

  /** A data source on a new, empty schema of its own. */
  public static PGSimpleDataSource newSchema(String schema) {
    PGSimpleDataSource admin = dataSource(null);
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    return dataSource(schema);
  }

  static PGSimpleDataSource dataSource(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url());
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    ds.setOptions("-c TimeZone=" + SESSION_TIME_ZONE);
    ds.setReWriteBatchedInserts(true);
    return ds;
  }
}
