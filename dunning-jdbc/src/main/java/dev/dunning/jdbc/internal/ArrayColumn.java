package dev.dunning.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a set-based write on PostgreSQL: its values for every row of a batch travel as
 * one array parameter that {@code unnest(?::text[], ?::int8[], …)} turns back into rows, so a
 * batch of any size is one statement, one plan and one execution. (With JDBC batches the
 * driver sends one execution per row for updates, and rewrites inserts into multi-row VALUES only
 * when the host's data source sets {@code reWriteBatchedInserts}.)
 *
 * <p>Instants, dates and amounts travel as text and are cast by the SQL, exactly: ISO-8601 with
 * a zone offset (so the session time zone plays no part), and plain decimal strings.
 *
 * @param name the column's name in the unnested rows
 * @param sqlType the SQL element type the array parameter is cast to
 * @param jdbcType the element type of the JDBC array ({@link Connection#createArrayOf})
 * @param value the column's value in a row, as a {@code String}, {@code Integer} or {@code Long}
 */
record ArrayColumn<T>(String name, String sqlType, String jdbcType, Function<T, Object> value) {

  static <T> ArrayColumn<T> text(String name, Function<T, String> value) {
    return new ArrayColumn<>(name, "text", "text", value::apply);
  }

  static <T> ArrayColumn<T> integer(String name, Function<T, Integer> value) {
    return new ArrayColumn<>(name, "int4", "int4", value::apply);
  }

  static <T> ArrayColumn<T> bigint(String name, Function<T, Long> value) {
    return new ArrayColumn<>(name, "int8", "int8", value::apply);
  }

  /**
   * Truncated to microseconds like {@link Sql#setInstant}, for the same reason; written as
   * {@code 2026-02-15T08:00:00.123456Z} by {@link OffsetDateTime#toString}, which (unlike
   * {@link Instant#toString}) needs no formatter.
   */
  static <T> ArrayColumn<T> instant(String name, Function<T, Instant> value) {
    return new ArrayColumn<>(name, "timestamptz", "text", row -> {
      Instant v = value.apply(row);
      return v == null ? null : OffsetDateTime.ofInstant(v.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC).toString();
    });
  }

  static <T> ArrayColumn<T> date(String name, Function<T, LocalDate> value) {
    return new ArrayColumn<>(name, "date", "text", row -> {
      LocalDate v = value.apply(row);
      return v == null ? null : v.toString();
    });
  }

  static <T> ArrayColumn<T> decimal(String name, Function<T, BigDecimal> value) {
    return new ArrayColumn<>(name, "numeric", "text", row -> {
      BigDecimal v = value.apply(row);
      return v == null ? null : v.toPlainString();
    });
  }

  /** {@code unnest(?::text[], ?::timestamptz[], …)}, one parameter per column. */
  static String unnest(List<? extends ArrayColumn<?>> columns) {
    return columns.stream().map(c -> "?::" + c.sqlType() + "[]").collect(Collectors.joining(", ", "unnest(", ")"));
  }

  /** The columns' names, comma-separated, e.g. for {@code AS v(id, expected, …)}. */
  static String names(List<? extends ArrayColumn<?>> columns) {
    return columns.stream().map(ArrayColumn::name).collect(Collectors.joining(", "));
  }

  /** Binds every column of {@code rows} as one array each, from parameter 1 on. */
  static <T> void bind(Connection c, PreparedStatement ps, List<ArrayColumn<T>> columns, List<T> rows)
      throws SQLException {
    int n = rows.size();
    for (int k = 0; k < columns.size(); k++) {
      ArrayColumn<T> column = columns.get(k);
      Object[] values = switch (column.jdbcType()) {
        case "int4" -> new Integer[n];
        case "int8" -> new Long[n];
        default -> new String[n];
      };
      for (int i = 0; i < n; i++) {
        values[i] = column.value().apply(rows.get(i));
      }
      ps.setArray(k + 1, c.createArrayOf(column.jdbcType(), values));
    }
  }
}
