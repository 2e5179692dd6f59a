package dev.dunning.jdbc.internal;

import dev.dunning.model.Claim;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes shared by create, update, the tick and deliveries. */
final class Writes {
  private Writes() {}

  /** Replaces the invoice-number index of each case with its claims' numbers. */
  static void replaceInvoices(Connection c, Statements sql, Collection<String> caseIds, List<List<Claim>> claims)
      throws SQLException {
    if (caseIds.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = c.prepareStatement(sql.deleteInvoices)) {
      for (String id : caseIds) {
        delete.setString(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
    }
    insertInvoices(c, sql, caseIds, claims);
  }

  static void insertInvoices(Connection c, Statements sql, Collection<String> caseIds, List<List<Claim>> claims)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(sql.insertInvoice)) {
      int k = 0;
      for (String id : caseIds) {
        List<Claim> list = claims.get(k++);
        for (int pos = 0; pos < list.size(); pos++) {
          insert.setString(1, id);
          insert.setInt(2, pos);
          insert.setString(3, list.get(pos).invoiceNumber());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /**
   * Cancels the PENDING messages of each change's case and returns the {@code MESSAGES_CANCELLED}
   * events naming them, to insert in the same transaction. The rows are locked as they are read, so
   * a dispatcher cannot claim one in between (it skips locked rows) and every key named was cancelled.
   */
  static List<TimelineEvent> cancelPending(Connection c, Statements sql, List<CaseChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<TimelineEvent> events = new ArrayList<>(changes.size());
    try (PreparedStatement keys = c.prepareStatement("SELECT idempotency_key FROM " + sql.outboxTable
        + " WHERE case_id = ? AND status = 'pending' ORDER BY seq FOR UPDATE");
        PreparedStatement cancel = c.prepareStatement(sql.cancelPending)) {
      for (CaseChange change : changes) {
        List<String> cancelled = new ArrayList<>();
        keys.setString(1, change.caseId());
        try (ResultSet rs = keys.executeQuery()) {
          while (rs.next()) {
            cancelled.add(rs.getString(1));
          }
        }
        if (!cancelled.isEmpty()) {
          cancel.setString(1, change.caseId());
          cancel.executeUpdate();
          change.cancellationEvent(cancelled).ifPresent(events::add);
        }
      }
    }
    return events;
  }

  /**
   * Inserts messages; on a duplicate idempotency key rolls the transaction back and throws the same
   * error as the in-memory store, naming the keys.
   */
  static void insertMessagesOrExplain(Connection c, Statements sql, List<OutboxMessage> messages)
      throws SQLException {
    try {
      OutboxRows.insert(c, sql, messages);
    } catch (SQLException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw e;
      }
      c.rollback();
      throw new IllegalStateException("an outbox message with idempotency key "
          + String.join(", ", duplicates(c, sql, messages)) + " already exists (" + sql.outboxTable + ")", e);
    }
  }

  /** The keys of {@code messages} that repeat within the list or are already stored. */
  private static List<String> duplicates(Connection c, Statements sql, List<OutboxMessage> messages)
      throws SQLException {
    List<String> duplicates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql.messageExists)) {
      for (OutboxMessage m : messages) {
        ps.setString(1, m.idempotencyKey());
        boolean stored;
        try (ResultSet rs = ps.executeQuery()) {
          stored = rs.next();
        }
        if (!seen.add(m.idempotencyKey()) || stored) {
          duplicates.add(m.idempotencyKey());
        }
      }
    }
    return duplicates;
  }
}
