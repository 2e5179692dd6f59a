package dev.dunning.jdbc;

/**
 * A database operation of a JDBC store failed (connection lost, constraint violated by data this
 * library did not write, schema out of date). The message names the table and the operation; the
 * cause is the driver's {@link java.sql.SQLException}. Nothing of the failed operation was written.
 *
 * @since 0.1
 */
public final class JdbcStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public JdbcStoreException(String message) {
    super(message);
  }
}
