package dev.dunning.jdbc.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The raw ceiling of {@link JdbcBenchmark}: the store's claim and writes issued directly with
 * JDBC, the same statements as the store sends on each database (PostgreSQL: one UPDATE and one
 * INSERT per table over unnested arrays; H2: JDBC batches), with constant values: nothing read
 * into objects, nothing decided, no JSON.
 */
final class RawCeiling {
  private static final String CASE_COLUMNS = "id, tenant_id, playbook_id, debtor_id, debtor, claims, opened_at, "
      + "origin, stage_id, stage_attempt, status, hold_reason, hold_until, hold_note, resolution, pending_stage_id, "
      + "deadline, next_action_at, currency, fees, paid, failures, version";
  private static final String DUE = "next_action_at >= ? AND next_action_at <= ? AND status <> 'closed'";
  private static final String PG_CLAIM = "SELECT " + CASE_COLUMNS + " FROM dunning_case WHERE " + DUE
      + " ORDER BY next_action_at FETCH FIRST ? ROWS ONLY FOR NO KEY UPDATE SKIP LOCKED";
  private static final String H2_CLAIM = "SELECT " + CASE_COLUMNS + " FROM dunning_case USE INDEX (dunning_case_due)"
      + " WHERE " + DUE + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

  private static final String PG_UPDATE = "UPDATE dunning_case AS c SET origin = v.origin, stage_id = v.stage_id, "
      + "stage_attempt = v.stage_attempt, status = v.status, hold_reason = v.hold_reason, hold_until = v.hold_until, "
      + "hold_note = v.hold_note, resolution = v.resolution, pending_stage_id = v.pending_stage_id, "
      + "deadline = v.deadline, next_action_at = v.next_action_at, currency = v.currency, fees = v.fees, "
      + "paid = v.paid, failures = v.failures, version = v.expected + 1 FROM unnest(?::text[], ?::int8[], "
      + "?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], "
      + "?::date[], ?::timestamptz[], ?::text[], ?::numeric[], ?::numeric[], ?::int4[]) AS v(id, expected, origin, "
      + "stage_id, stage_attempt, status, hold_reason, hold_until, hold_note, resolution, pending_stage_id, deadline, "
      + "next_action_at, currency, fees, paid, failures) WHERE c.id = v.id AND c.version = v.expected";
  private static final String PG_EVENTS = "INSERT INTO dunning_event (case_id, occurred_at, event_type, actor_kind, "
      + "actor_name, stage_id, detail) SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], "
      + "?::text[], ?::text[], ?::text[])";
  private static final String OUTBOX_COLUMNS = "idempotency_key, case_id, tenant_id, stage_id, stage_kind, "
      + "stage_attempt, channel, fallbacks, template_key, deadline, amount_due, currency, created_at, status, attempts, "
      + "next_attempt_at, lease_token, last_error, receipt, sent_at, lease_until";
  private static final String PG_MESSAGES = "INSERT INTO dunning_outbox (" + OUTBOX_COLUMNS + ") SELECT * FROM "
      + "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], "
      + "?::date[], ?::numeric[], ?::text[], ?::timestamptz[], ?::text[], ?::int4[], ?::timestamptz[], ?::text[], "
      + "?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])";

  private static final String H2_UPDATE = "UPDATE dunning_case SET origin = ?, stage_id = ?, stage_attempt = ?, "
      + "status = ?, hold_reason = ?, hold_until = ?, hold_note = ?, resolution = ?, pending_stage_id = ?, "
      + "deadline = ?, next_action_at = ?, currency = ?, fees = ?, paid = ?, failures = ?, version = ? "
      + "WHERE id = ? AND version = ?";
  private static final String H2_EVENT = "INSERT INTO dunning_event (case_id, occurred_at, event_type, actor_kind, "
      + "actor_name, stage_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String H2_MESSAGE = "INSERT INTO dunning_outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, "
      + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String DETAIL = "reminder1 entered, deadline in 8 days (raw benchmark)";

  private RawCeiling() {}

  /** Moves every case due at {@code now} one stage on, {@code batch} per transaction; returns how many. */
  static int run(DataSource ds, boolean postgres, Instant now, int batch, int eventsPerCase, int messagesPerCase)
      throws SQLException {
    Values v = new Values(now);
    int total = 0;
    while (true) {
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        List<String> ids = new ArrayList<>(batch);
        List<Long> versions = new ArrayList<>(batch);
        try (PreparedStatement ps = c.prepareStatement(postgres ? PG_CLAIM : H2_CLAIM)) {
          ps.setObject(1, OffsetDateTime.parse("0001-01-01T00:00:00Z"));
          ps.setObject(2, v.now);
          ps.setInt(3, batch);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
              versions.add(rs.getLong(23));
            }
          }
        }
        if (!ids.isEmpty()) {
          if (postgres) {
            writeArrays(c, v, ids, versions, eventsPerCase, messagesPerCase);
          } else {
            writeBatches(c, v, ids, versions, eventsPerCase, messagesPerCase);
          }
        }
        c.commit();
        total += ids.size();
        if (ids.size() < batch) {
          return total;
        }
      }
    }
  }

  /** The constant values every raw transition writes. */
  private static final class Values {
    final OffsetDateTime now;
    final OffsetDateTime next;
    final LocalDate deadline;

    Values(Instant at) {
      now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
      next = now.plusDays(9);
      deadline = now.toLocalDate().plusDays(8);
    }
  }

  private static void writeArrays(Connection c, Values v, List<String> ids, List<Long> versions, int eventsPerCase,
      int messagesPerCase) throws SQLException {
    int n = ids.size();
    try (PreparedStatement u = c.prepareStatement(PG_UPDATE)) {
      Object[][] columns = {ids.toArray(new String[0]), versions.toArray(new Long[0]), fill(n, "demand"),
          fill(n, "reminder1"), fill(n, 1), fill(n, "open"), fill(n, null), fill(n, null), fill(n, null),
          fill(n, null), fill(n, null), fill(n, v.deadline.toString()), fill(n, v.next.toInstant().toString()),
          fill(n, "EUR"), fill(n, "0"), fill(n, "0"), fill(n, 0)};
      bind(c, u, columns);
      if (u.executeUpdate() != n) {
        throw new IllegalStateException("a raw update matched fewer rows than claimed");
      }
    }
    String at = v.now.toInstant().toString();
    int e = n * eventsPerCase;
    if (e > 0) {
      try (PreparedStatement ps = c.prepareStatement(PG_EVENTS)) {
        bind(c, ps, new Object[][] {repeat(ids, eventsPerCase), fill(e, at), fill(e, "stage_entered"),
            fill(e, "system"), fill(e, "dunning"), fill(e, "reminder1"), fill(e, DETAIL)});
        ps.executeUpdate();
      }
    }
    int m = n * messagesPerCase;
    if (m > 0) {
      String[] caseIds = repeat(ids, messagesPerCase);
      String[] keys = new String[m];
      for (int i = 0; i < m; i++) {
        keys[i] = caseIds[i] + ":reminder1:1:email:" + (i / n);
      }
      try (PreparedStatement ps = c.prepareStatement(PG_MESSAGES)) {
        bind(c, ps, new Object[][] {keys, caseIds, fill(m, "acme"), fill(m, "reminder1"), fill(m, "reminder"),
            fill(m, 1), fill(m, "email"), fill(m, "[\"letter\"]"), fill(m, "reminder1"), fill(m, v.deadline.toString()),
            fill(m, "1234.56"), fill(m, "EUR"), fill(m, at), fill(m, "pending"), fill(m, 0), fill(m, at), fill(m, null),
            fill(m, null), fill(m, null), fill(m, null), fill(m, null)});
        ps.executeUpdate();
      }
    }
  }

  private static void writeBatches(Connection c, Values v, List<String> ids, List<Long> versions, int eventsPerCase,
      int messagesPerCase) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(H2_UPDATE); PreparedStatement e = c.prepareStatement(H2_EVENT);
        PreparedStatement m = c.prepareStatement(H2_MESSAGE)) {
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        int p = 1;
        u.setString(p++, "demand");
        u.setString(p++, "reminder1");
        u.setInt(p++, 1);
        u.setString(p++, "open");
        u.setNull(p++, Types.VARCHAR);
        u.setNull(p++, Types.TIMESTAMP_WITH_TIMEZONE);
        u.setNull(p++, Types.VARCHAR);
        u.setNull(p++, Types.VARCHAR);
        u.setNull(p++, Types.VARCHAR);
        u.setObject(p++, v.deadline);
        u.setObject(p++, v.next);
        u.setString(p++, "EUR");
        u.setBigDecimal(p++, BigDecimal.ZERO);
        u.setBigDecimal(p++, BigDecimal.ZERO);
        u.setInt(p++, 0);
        u.setLong(p++, versions.get(i) + 1);
        u.setString(p++, id);
        u.setLong(p, versions.get(i));
        u.addBatch();
        for (int k = 0; k < eventsPerCase; k++) {
          e.setString(1, id);
          e.setObject(2, v.now);
          e.setString(3, "stage_entered");
          e.setString(4, "system");
          e.setString(5, "dunning");
          e.setString(6, "reminder1");
          e.setString(7, DETAIL);
          e.addBatch();
        }
        for (int k = 0; k < messagesPerCase; k++) {
          p = 1;
          m.setString(p++, id + ":reminder1:1:email:" + k);
          m.setString(p++, id);
          m.setString(p++, "acme");
          m.setString(p++, "reminder1");
          m.setString(p++, "reminder");
          m.setInt(p++, 1);
          m.setString(p++, "email");
          m.setString(p++, "[\"letter\"]");
          m.setString(p++, "reminder1");
          m.setObject(p++, v.deadline);
          m.setBigDecimal(p++, new BigDecimal("1234.56"));
          m.setString(p++, "EUR");
          m.setObject(p++, v.now);
          m.setString(p++, "pending");
          m.setInt(p++, 0);
          m.setObject(p++, v.now);
          for (int x = 0; x < 5; x++) {
            m.setNull(p++, Types.VARCHAR);
          }
          m.addBatch();
        }
      }
      if (Arrays.stream(u.executeBatch()).anyMatch(count -> count != 1)) {
        throw new IllegalStateException("a raw update matched no row");
      }
      e.executeBatch();
      m.executeBatch();
    }
  }

  private static void bind(Connection c, PreparedStatement ps, Object[][] columns) throws SQLException {
    for (int k = 0; k < columns.length; k++) {
      Object[] values = columns[k];
      String type = values instanceof Integer[] ? "int4" : values instanceof Long[] ? "int8" : "text";
      ps.setArray(k + 1, c.createArrayOf(type, values));
    }
  }

  private static Object[] fill(int n, Object value) {
    Object[] values = value instanceof Integer ? new Integer[n] : new String[n];
    Arrays.fill(values, value);
    return values;
  }

  private static String[] repeat(List<String> ids, int times) {
    String[] out = new String[ids.size() * times];
    for (int t = 0; t < times; t++) {
      for (int i = 0; i < ids.size(); i++) {
        out[t * ids.size() + i] = ids.get(i);
      }
    }
    return out;
  }
}
