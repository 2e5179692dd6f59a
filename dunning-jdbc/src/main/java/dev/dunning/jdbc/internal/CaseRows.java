package dev.dunning.jdbc.internal;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Hold;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.Origin;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/** Maps the case table to {@link RecoveryCase} and back, by the column positions of {@link Statements}. */
final class CaseRows {
  static final int ID = 1;
  static final int CLAIMS = 6;
  static final int FAILURES = 22;
  static final int VERSION = 23;

  /**
   * The state columns of {@link Statements#updateCaseStates}, in order, after the id and the
   * expected version: what {@link #bindStateUpdate} binds, one array each.
   */
  static final List<ArrayColumn<RecoveryCase>> STATE_ARRAY_COLUMNS = List.of(
      ArrayColumn.text("id", RecoveryCase::id),
      ArrayColumn.bigint("expected", RecoveryCase::version),
      ArrayColumn.text("origin", c -> c.origin().code()),
      ArrayColumn.text("stage_id", RecoveryCase::stageId),
      ArrayColumn.integer("stage_attempt", RecoveryCase::stageAttempt),
      ArrayColumn.text("status", c -> c.status().code()),
      ArrayColumn.text("hold_reason", c -> c.hold() == null ? null : c.hold().reason().code()),
      ArrayColumn.instant("hold_until", c -> c.hold() == null ? null : c.hold().until()),
      ArrayColumn.text("hold_note", c -> c.hold() == null ? null : c.hold().note()),
      ArrayColumn.text("resolution", c -> c.resolution() == null ? null : c.resolution().code()),
      ArrayColumn.text("pending_stage_id", RecoveryCase::pendingStageId),
      ArrayColumn.date("deadline", RecoveryCase::deadline),
      ArrayColumn.instant("next_action_at", RecoveryCase::nextActionAt),
      ArrayColumn.text("currency", c -> c.currency().getCurrencyCode()),
      ArrayColumn.decimal("fees", c -> c.fees().amount()),
      ArrayColumn.decimal("paid", c -> c.paid().amount()),
      ArrayColumn.integer("failures", RecoveryCase::failures));

  private CaseRows() {}

  /**
   * Writes the state columns of {@code cases} (debtor and claims unchanged), each from its
   * version to the next: in one statement where the dialect can, else in one JDBC batch.
   *
   * @return whether every case was at its expected version (if not, nothing is to be kept)
   */
  static boolean updateStates(Connection c, Statements sql, List<RecoveryCase> cases) throws SQLException {
    if (cases.isEmpty()) {
      return true;
    }
    if (sql.updateCaseStates != null) {
      try (PreparedStatement ps = c.prepareStatement(sql.updateCaseStates)) {
        ArrayColumn.bind(c, ps, STATE_ARRAY_COLUMNS, cases);
        // the ids are distinct (each case claimed once), so every case matched iff the count is theirs
        return ps.executeUpdate() == cases.size();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql.updateCaseState)) {
      for (RecoveryCase rc : cases) {
        bindStateUpdate(ps, rc, rc.version());
        ps.addBatch();
      }
      return Sql.eachOneRow(ps.executeBatch());
    }
  }

  /** Binds every column of an insert, in {@link Statements#CASE_COLUMNS} order. */
  static void bindInsert(PreparedStatement ps, RecoveryCase c, String debtorJson, String claimsJson)
      throws SQLException {
    ps.setString(1, c.id());
    int next = bindIdentity(ps, 2, c, debtorJson, claimsJson);
    next = bindState(ps, next, c);
    ps.setLong(next, c.version());
  }

  /** Binds an update of every column but the id, from version {@code expected} to {@code expected + 1}. */
  static void bindFullUpdate(PreparedStatement ps, RecoveryCase c, String debtorJson, String claimsJson,
      long expected) throws SQLException {
    int next = bindIdentity(ps, 1, c, debtorJson, claimsJson);
    bindVersionCheck(ps, bindState(ps, next, c), c.id(), expected);
  }

  /** Binds an update of the state columns only (debtor and claims unchanged: the tick's usual write). */
  static void bindStateUpdate(PreparedStatement ps, RecoveryCase c, long expected) throws SQLException {
    bindVersionCheck(ps, bindState(ps, 1, c), c.id(), expected);
  }

  private static int bindIdentity(PreparedStatement ps, int i, RecoveryCase c, String debtorJson,
      String claimsJson) throws SQLException {
    ps.setString(i++, c.tenantId());
    ps.setString(i++, c.playbookId());
    ps.setString(i++, c.debtor().id());
    ps.setString(i++, debtorJson);
    ps.setString(i++, claimsJson);
    Sql.setInstant(ps, i++, c.openedAt());
    return i;
  }

  private static int bindState(PreparedStatement ps, int i, RecoveryCase c) throws SQLException {
    ps.setString(i++, c.origin().code());
    Sql.setString(ps, i++, c.stageId());
    ps.setInt(i++, c.stageAttempt());
    ps.setString(i++, c.status().code());
    Hold hold = c.hold();
    Sql.setString(ps, i++, hold == null ? null : hold.reason().code());
    Sql.setInstant(ps, i++, hold == null ? null : hold.until());
    Sql.setString(ps, i++, hold == null ? null : hold.note());
    Sql.setString(ps, i++, c.resolution() == null ? null : c.resolution().code());
    Sql.setString(ps, i++, c.pendingStageId());
    Sql.setDate(ps, i++, c.deadline());
    Sql.setInstant(ps, i++, c.nextActionAt());
    ps.setString(i++, c.currency().getCurrencyCode());
    ps.setBigDecimal(i++, c.fees().amount());
    ps.setBigDecimal(i++, c.paid().amount());
    ps.setInt(i++, c.failures());
    return i;
  }

  private static void bindVersionCheck(PreparedStatement ps, int i, String id, long expected) throws SQLException {
    ps.setLong(i++, expected + 1);
    ps.setString(i++, id);
    ps.setLong(i, expected);
  }

  /**
   * Reads a case row selected with {@link Statements#CASE_COLUMNS}.
   *
   * @throws UnreadableRowException naming the column if a value is not one this code knows
   */
  static RecoveryCase read(ResultSet rs, String table) throws SQLException {
    String id = rs.getString(ID);
    String where = "case " + id;
    String tenantId = rs.getString(2);
    String playbookId = rs.getString(3);
    String debtorJson = rs.getString(5);
    String claimsJson = rs.getString(CLAIMS);
    Instant openedAt = Sql.getInstant(rs, 7);
    String origin = rs.getString(8);
    String stageId = rs.getString(9);
    int stageAttempt = rs.getInt(10);
    String status = rs.getString(11);
    String holdReason = rs.getString(12);
    Instant holdUntil = Sql.getInstant(rs, 13);
    String holdNote = rs.getString(14);
    String resolution = rs.getString(15);
    String pendingStageId = rs.getString(16);
    LocalDate deadline = Sql.getDate(rs, 17);
    Instant nextActionAt = Sql.getInstant(rs, 18);
    String currencyCode = rs.getString(19);
    BigDecimal fees = rs.getBigDecimal(20);
    BigDecimal paid = rs.getBigDecimal(21);
    int failures = rs.getInt(FAILURES);
    long version = rs.getLong(VERSION);

    Debtor debtor = column(table, "debtor", where, () -> JsonCodec.readDebtor(debtorJson));
    List<Claim> claims = column(table, "claims", where, () -> JsonCodec.readClaims(claimsJson));
    Currency currency = column(table, "currency", where, () -> JsonCodec.currency(currencyCode, "currency"));
    Hold hold = holdReason == null ? null
        : new Hold(column(table, "hold_reason", where, () -> HoldReason.fromCode(holdReason)), holdUntil, holdNote);
    return column(table, "status", where, () -> new RecoveryCase(id, tenantId, playbookId, debtor, claims,
        column(table, "origin", where, () -> Origin.fromCode(origin)), stageId, stageAttempt,
        column(table, "status", where, () -> CaseStatus.fromCode(status)), hold,
        resolution == null ? null : column(table, "resolution", where, () -> Resolution.fromCode(resolution)),
        pendingStageId, deadline, nextActionAt, new Money(fees, currency), new Money(paid, currency), openedAt,
        failures, version));
  }

  static <T> T column(String table, String column, String where, Supplier<T> decode) {
    try {
      return decode.get();
    } catch (UnreadableRowException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnreadableRowException(table, column, where, e);
    }
  }
}
