package dev.dunning.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * JDBC value mapping shared by every table. Instants travel as {@link OffsetDateTime} in UTC, the
 * one mapping both drivers apply exactly whatever the session or JVM time zone is
 * ({@code java.sql.Timestamp} would be shifted by the JVM's zone).
 */
public final class Sql {
  /** SQLSTATE of a unique or primary-key violation, on H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
        return true;
      }
      if (x.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the failure is about the data written (SQLSTATE class 22 or 23), not the connection or the server. */
  static boolean isDataError(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
        return true;
      }
      if (x.getCause() instanceof SQLException cause && cause.getSQLState() != null
          && (cause.getSQLState().startsWith("22") || cause.getSQLState().startsWith("23"))) {
        return true;
      }
    }
    return false;
  }

  public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      // both databases keep microseconds and would round the nanoseconds, possibly upwards: a message
      // queued at `now` would then read back as due just after `now` and miss that tick's dispatch.
      // Truncating is monotonic, so a <= b still holds between any two instants written or compared.
      ps.setObject(index, OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
  }

  public static Instant getInstant(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DATE);
    } else {
      ps.setObject(index, value);
    }
  }

  public static LocalDate getDate(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, LocalDate.class);
  }

  public static void setString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /** Whether every count of a batch says one row (or "done, count unknown", as rewritten inserts report). */
  static boolean eachOneRow(int[] counts) {
    for (int count : counts) {
      if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
        return false;
      }
    }
    return true;
  }
}
