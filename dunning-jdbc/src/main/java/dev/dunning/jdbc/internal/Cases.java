package dev.dunning.jdbc.internal;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseNotFoundException;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.DuplicateCaseException;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.StaleCaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client side of the case store: create, read, update and query, one transaction each. */
public final class Cases {
  private static final Logger LOG = LoggerFactory.getLogger(Cases.class);

  private final Tx tx;
  private final Statements sql;

  public Cases(Tx tx, Statements sql) {
    this.tx = tx;
    this.sql = sql;
  }

  public RecoveryCase create(RecoveryCase rc, List<TimelineEvent> events, List<OutboxMessage> messages) {
    String debtorJson = JsonCodec.writeDebtor(rc.debtor());
    String claimsJson = JsonCodec.writeClaims(rc.claims());
    return tx.write(sql.caseTable + ": create case " + rc.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.insertCase)) {
        CaseRows.bindInsert(ps, rc, debtorJson, claimsJson);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          throw new DuplicateCaseException(rc.id());
        }
        throw e;
      }
      Writes.insertInvoices(c, sql, List.of(rc.id()), List.of(rc.claims()));
      EventRows.insert(c, sql, events);
      Writes.insertMessagesOrExplain(c, sql, messages);
      return rc;
    });
  }

  public Optional<RecoveryCase> find(String caseId) {
    return tx.read(sql.caseTable + ": find case " + caseId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.findCase)) {
        ps.setString(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(CaseRows.read(rs, sql.caseTable)) : Optional.empty();
        }
      }
    });
  }

  public RecoveryCase update(CaseChange change) {
    RecoveryCase updated = change.updated();
    long expected = updated.version();
    String debtorJson = JsonCodec.writeDebtor(updated.debtor());
    String claimsJson = JsonCodec.writeClaims(updated.claims());
    return tx.write(sql.caseTable + ": update case " + updated.id(), c -> {
      String storedClaims;
      try (PreparedStatement ps = c.prepareStatement(sql.lockCase)) {
        ps.setString(1, updated.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new CaseNotFoundException(updated.id());
          }
          if (rs.getLong(1) != expected) {
            throw new StaleCaseException(updated.id(), expected);
          }
          storedClaims = rs.getString(2);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(sql.updateCaseFull)) {
        CaseRows.bindFullUpdate(ps, updated, debtorJson, claimsJson, expected);
        if (ps.executeUpdate() != 1) {
          throw new StaleCaseException(updated.id(), expected);
        }
      }
      if (!claimsJson.equals(storedClaims)) {
        Writes.replaceInvoices(c, sql, List.of(updated.id()), List.of(updated.claims()));
      }
      List<TimelineEvent> cancelled = change.cancelPendingMessages() ? Writes.cancelPending(c, sql, List.of(change))
          : List.of();
      EventRows.insert(c, sql, change.events());
      EventRows.insert(c, sql, cancelled);
      Writes.insertMessagesOrExplain(c, sql, change.messages());
      return updated.toBuilder().version(expected + 1).build();
    });
  }

  public List<TimelineEvent> timeline(String caseId) {
    return tx.read(sql.eventTable + ": timeline of case " + caseId, c -> {
      List<TimelineEvent> events = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.timeline)) {
        ps.setString(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            events.add(EventRows.read(rs, sql.eventTable));
          }
        }
      }
      requireCaseIfEmpty(c, caseId, events);
      return List.copyOf(events);
    });
  }

  public List<OutboxMessage> messages(String caseId) {
    return tx.read(sql.outboxTable + ": messages of case " + caseId, c -> {
      List<OutboxMessage> messages = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.messagesOfCase)) {
        ps.setString(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            messages.add(OutboxRows.read(rs, sql.outboxTable));
          }
        }
      }
      requireCaseIfEmpty(c, caseId, messages);
      return List.copyOf(messages);
    });
  }

  /** Rows that cannot be read are left out and logged with their case id (a page may come up short). */
  public List<RecoveryCase> query(CaseQuery q) {
    List<CaseStatus> statuses = q.statuses().stream().sorted(Comparator.naturalOrder()).toList();
    String query = sql.query(q.tenantId() != null, statuses.size(), q.invoiceNumber() != null, q.debtorId() != null);
    return tx.read(sql.caseTable + ": query " + q, c -> {
      List<RecoveryCase> cases = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(query)) {
        int i = 1;
        if (q.tenantId() != null) {
          ps.setString(i++, q.tenantId());
        }
        for (CaseStatus status : statuses) {
          ps.setString(i++, status.code());
        }
        if (q.invoiceNumber() != null) {
          ps.setString(i++, q.invoiceNumber());
        }
        if (q.debtorId() != null) {
          ps.setString(i++, q.debtorId());
        }
        ps.setInt(i++, q.offset());
        ps.setInt(i, q.limit());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            try {
              cases.add(CaseRows.read(rs, sql.caseTable));
            } catch (UnreadableRowException e) {
              // one bad row must not take the desk's whole listing down; find() still reports it
              LOG.warn("case {} is left out of a listing: {}", rs.getString(CaseRows.ID), e.getMessage());
            }
          }
        }
      }
      return List.copyOf(cases);
    });
  }

  /** An empty timeline or outbox is fine for a case, but a missing case is an error, as in memory. */
  private void requireCaseIfEmpty(Connection c, String caseId, List<?> rows) throws SQLException {
    if (!rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.caseExists)) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new CaseNotFoundException(caseId);
        }
      }
    }
  }
}
