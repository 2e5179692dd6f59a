package dev.dunning.jdbc.internal;

import dev.dunning.model.Claim;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.spi.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick's side of the store. Each batch is one transaction: claim the due rows with
 * {@code FOR UPDATE SKIP LOCKED} (other instances skip them, and a crash releases them), let the
 * pure handler decide, then write every case update, event and message in a few statements (one
 * per kind on PostgreSQL, JDBC batches on H2) with a version check on each case. A batch whose
 * write fails is rolled back and written again case by case, so one bad case becomes a recorded
 * failure instead of stopping the others.
 */
public final class DueCases {
  private static final Logger LOG = LoggerFactory.getLogger(DueCases.class);
  /** Lower bound of the due probe (see {@link Statements#dueCases}). */
  static final Instant DAWN = Instant.parse("0001-01-01T00:00:00Z");

  private final Tx tx;
  private final Statements sql;
  private final int maxBatch;

  public DueCases(Tx tx, Statements sql, int maxBatch) {
    this.tx = tx;
    this.sql = sql;
    this.maxBatch = maxBatch;
  }

  /** A claimed row: the case, or why it could not be read. */
  private record Row(String id, long version, int failures, String claimsJson, RecoveryCase recoveryCase,
      RuntimeException error) {}

  /** A claimed row and what the handler made of it. */
  private record Decided(Row row, DueOutcome outcome) {}

  /** A case write that matched no row: the case changed since it was read. */
  private static final class StaleWrite extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleWrite() {
      super(null, null, false, false);
    }
  }

  /** The batch write failed and was rolled back; its decisions are to be written case by case. */
  private static final class BatchWriteFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Decided> decided;

    BatchWriteFailed(List<Decided> decided, Exception cause) {
      super(cause.toString(), cause, false, false);
      this.decided = decided;
    }
  }

  public int processDue(Instant now, int limit, DueCaseHandler handler) {
    int total = 0;
    while (total < limit) {
      int chunk = Math.min(maxBatch, limit - total);
      int claimed;
      try {
        claimed = tx.write(sql.caseTable + ": processDue", c -> processBatch(c, now, chunk, handler));
      } catch (BatchWriteFailed e) {
        LOG.debug("batch write of {} cases failed, writing them one by one: {}", e.decided.size(), e.getMessage());
        writeEach(e.decided, handler);
        claimed = e.decided.size();
      }
      total += claimed;
      if (claimed < chunk) {
        break;
      }
    }
    return total;
  }

  private int processBatch(Connection c, Instant now, int limit, DueCaseHandler handler) throws SQLException {
    List<Row> rows = claim(c, now, limit);
    if (rows.isEmpty()) {
      return 0;
    }
    List<Decided> decided = new ArrayList<>(rows.size());
    for (Row row : rows) {
      DueOutcome outcome = row.recoveryCase() != null ? handler.onDue(row.recoveryCase())
          : handler.onUnreadable(row.id(), row.version(), row.failures(), row.error());
      decided.add(new Decided(row, outcome));
    }
    // No savepoint here: on PostgreSQL, updating rows locked before a savepoint creates a
    // MultiXact per row, which cost the tick a factor of three. A failed batch rolls back whole
    // and is written again case by case; the version check keeps that safe once the locks are gone.
    // Only a problem of the data (a constraint, a value) is retried case by case; a lost
    // connection is this instance's crash, and the cases go to whoever claims them next.
    try {
      write(c, decided);
    } catch (StaleWrite e) {
      throw new BatchWriteFailed(decided, e);
    } catch (SQLException e) {
      if (!Sql.isDataError(e)) {
        throw e;
      }
      throw new BatchWriteFailed(decided, e);
    }
    return rows.size();
  }

  private List<Row> claim(Connection c, Instant now, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>(limit);
    try (PreparedStatement ps = c.prepareStatement(sql.dueCases)) {
      Sql.setInstant(ps, 1, DAWN);
      Sql.setInstant(ps, 2, now);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(CaseRows.ID);
          long version = rs.getLong(CaseRows.VERSION);
          int failures = rs.getInt(CaseRows.FAILURES);
          String claims = rs.getString(CaseRows.CLAIMS);
          try {
            rows.add(new Row(id, version, failures, claims, CaseRows.read(rs, sql.caseTable), null));
          } catch (UnreadableRowException e) {
            LOG.warn("{}", e.getMessage());
            rows.add(new Row(id, version, failures, claims, null, e));
          }
        }
      }
    }
    return rows;
  }

  /**
   * Writes each outcome in a transaction of its own. One whose case changed meanwhile (another
   * instance took it after the batch rolled back) is skipped; one that cannot be written is
   * recorded as that case's failure.
   */
  private void writeEach(List<Decided> decided, DueCaseHandler handler) {
    for (Decided d : decided) {
      Row row = d.row();
      try {
        tx.write(sql.caseTable + ": write the outcome of case " + row.id(), c -> {
          write(c, List.of(d));
          return null;
        });
      } catch (StaleWrite e) {
        LOG.debug("case {} changed since it was claimed; its outcome is dropped", row.id());
        handler.onDropped(row.id());
      } catch (RuntimeException e) {
        IllegalStateException error = new IllegalStateException("the outcome of case " + row.id()
            + " cannot be written to " + sql.caseTable + "/" + sql.outboxTable + ": " + e.getMessage(), e);
        CaseFailure failure = handler.onUnreadable(row.id(), row.version(), row.failures(), error);
        try {
          tx.write(sql.caseTable + ": record the failure of case " + row.id(), c -> {
            write(c, List.of(new Decided(row, failure)));
            return null;
          });
        } catch (StaleWrite stale) {
          LOG.debug("case {} changed since it was claimed; its failure is dropped", row.id());
          handler.onDropped(row.id());
        }
      }
    }
  }

  private void write(Connection c, List<Decided> decided) throws SQLException {
    List<RecoveryCase> states = new ArrayList<>(decided.size());
    List<Decided> full = new ArrayList<>();
    List<CaseFailure> failures = new ArrayList<>();
    List<CaseChange> cancels = new ArrayList<>();
    List<TimelineEvent> events = new ArrayList<>();
    List<OutboxMessage> messages = new ArrayList<>();
    for (Decided d : decided) {
      if (d.outcome() instanceof CaseChange change) {
        RecoveryCase read = d.row().recoveryCase();
        RecoveryCase u = change.updated();
        if (read != null && Objects.equals(read.debtor(), u.debtor()) && Objects.equals(read.claims(), u.claims())) {
          states.add(u);
        } else {
          full.add(d);
        }
        if (change.cancelPendingMessages()) {
          cancels.add(change);
        }
        events.addAll(change.events());
        messages.addAll(change.messages());
      } else if (d.outcome() instanceof CaseFailure f) {
        failures.add(f);
        events.add(f.event());
      }
    }
    if (!CaseRows.updateStates(c, sql, states) || !updateFull(c, full) || !updateFailures(c, failures)) {
      throw new StaleWrite();
    }
    // before inserting: only the messages queued earlier
    events.addAll(Writes.cancelPending(c, sql, cancels));
    EventRows.insert(c, sql, events);
    OutboxRows.insert(c, sql, messages);
  }

  /** Rows whose debtor or claims changed (rare in a tick): every column, and the invoice index if claims did. */
  private boolean updateFull(Connection c, List<Decided> full) throws SQLException {
    if (full.isEmpty()) {
      return true;
    }
    List<String> reindexIds = new ArrayList<>();
    List<List<Claim>> reindexClaims = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.updateCaseFull)) {
      for (Decided d : full) {
        RecoveryCase u = ((CaseChange) d.outcome()).updated();
        String claimsJson = JsonCodec.writeClaims(u.claims());
        CaseRows.bindFullUpdate(ps, u, JsonCodec.writeDebtor(u.debtor()), claimsJson, u.version());
        ps.addBatch();
        if (!claimsJson.equals(d.row().claimsJson())) {
          reindexIds.add(u.id());
          reindexClaims.add(u.claims());
        }
      }
      if (!Sql.eachOneRow(ps.executeBatch())) {
        return false;
      }
    }
    Writes.replaceInvoices(c, sql, reindexIds, reindexClaims);
    return true;
  }

  private boolean updateFailures(Connection c, List<CaseFailure> failures) throws SQLException {
    if (failures.isEmpty()) {
      return true;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.updateCaseFailure)) {
      for (CaseFailure f : failures) {
        ps.setInt(1, f.failures());
        Sql.setInstant(ps, 2, f.retryAt());
        ps.setLong(3, f.version() + 1);
        ps.setString(4, f.caseId());
        ps.setLong(5, f.version());
        ps.addBatch();
      }
      return Sql.eachOneRow(ps.executeBatch());
    }
  }
}
