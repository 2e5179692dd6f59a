package dev.dunning.jdbc.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's side of the store. Claims due messages with {@code FOR UPDATE SKIP LOCKED} and
 * marks them IN_FLIGHT under a fresh lease token; the lease is measured on the database clock by
 * default, so instances whose clocks drift agree on when a crashed instance's lease has expired.
 * An outcome is recorded only if the token still matches, i.e. nobody took the message over. A
 * row that cannot be read is failed visibly, on its case's timeline, and the others are claimed.
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final Tx tx;
  private final Statements sql;
  private final boolean databaseClock;
  private final String markUnreadable;

  public Outbox(Tx tx, Statements sql, boolean databaseClock) {
    this.tx = tx;
    this.sql = sql;
    this.databaseClock = databaseClock;
    this.markUnreadable = "UPDATE " + sql.outboxTable + " SET status = 'failed', last_error = ?, lease_token = NULL, "
        + "lease_until = NULL WHERE idempotency_key = ?";
  }

  public List<OutboxMessage> claim(Instant now, int limit, Duration lease) {
    return tx.write(sql.outboxTable + ": claimMessages", c -> {
      Instant leaseNow = databaseClock ? databaseNow(c) : now;
      List<OutboxMessage> found = new ArrayList<>(limit);
      select(c, sql.expiredLeases, leaseNow, limit, found, now);
      if (found.size() < limit) {
        select(c, sql.pendingDue, now, limit - found.size(), found, now);
      }
      List<OutboxMessage> claimed = new ArrayList<>(found.size());
      if (found.isEmpty()) {
        return claimed;
      }
      Instant leaseUntil = leaseNow.plus(lease);
      Instant shownUntil = now.plus(lease); // what callers see as nextAttemptAt, on their own clock
      try (PreparedStatement ps = c.prepareStatement(sql.markClaimed)) {
        for (OutboxMessage m : found) {
          String token = UUID.randomUUID().toString();
          ps.setString(1, token);
          Sql.setInstant(ps, 2, leaseUntil);
          Sql.setInstant(ps, 3, shownUntil);
          ps.setString(4, m.idempotencyKey());
          ps.addBatch();
          claimed.add(m.claimed(token, shownUntil));
        }
        ps.executeBatch();
      }
      return claimed;
    });
  }

  public boolean complete(DeliveryOutcome outcome) {
    OutboxMessage m = outcome.message();
    return tx.write(sql.outboxTable + ": completeDelivery of " + m.idempotencyKey(), c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.completeDelivery)) {
        ps.setString(1, outcome.status().code());
        ps.setInt(2, outcome.attempts());
        Sql.setInstant(ps, 3, outcome.nextAttemptAt());
        Sql.setString(ps, 4, outcome.error());
        Sql.setString(ps, 5, outcome.receipt());
        Sql.setInstant(ps, 6, outcome.status() == OutboxStatus.SENT ? outcome.at() : null);
        ps.setString(7, m.idempotencyKey());
        Sql.setString(ps, 8, m.leaseToken());
        if (ps.executeUpdate() == 0) {
          return false; // the lease expired and another dispatcher holds the message now
        }
      }
      EventRows.insert(c, sql, outcome.events());
      if (outcome.followUp() != null) {
        Writes.insertMessagesOrExplain(c, sql, List.of(outcome.followUp()));
      }
      return true;
    });
  }

  /** An outbox row no code can read: its key, case and stage, and why. */
  private record Unreadable(String key, String caseId, String stageId, String error) {}

  /**
   * Reads the claimable rows of {@code query} into {@code into}. A row that cannot be read would
   * otherwise head the queue forever: it is marked failed and, in the same transaction, a
   * MESSAGE_FAILED event naming the column goes on its case's timeline (stamped {@code at}).
   */
  private void select(Connection c, String query, Instant dueBy, int limit, List<OutboxMessage> into, Instant at)
      throws SQLException {
    List<Unreadable> unreadable = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query)) {
      Sql.setInstant(ps, 1, dueBy);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            into.add(OutboxRows.read(rs, sql.outboxTable));
          } catch (UnreadableRowException e) {
            unreadable.add(new Unreadable(rs.getString(1), rs.getString(2), rs.getString(4), e.getMessage()));
          }
        }
      }
    }
    if (unreadable.isEmpty()) {
      return;
    }
    List<TimelineEvent> events = new ArrayList<>(unreadable.size());
    try (PreparedStatement ps = c.prepareStatement(markUnreadable)) {
      for (Unreadable row : unreadable) {
        LOG.error("outbox message {} of case {} cannot be read and is marked failed: {}", row.key(), row.caseId(),
            row.error());
        ps.setString(1, row.error());
        ps.setString(2, row.key());
        ps.addBatch();
        events.add(new TimelineEvent(row.caseId(), at, EventType.MESSAGE_FAILED, Actor.SYSTEM,
            row.stageId() == null ? "" : row.stageId(), row.error() + "; the message is marked failed, not sent"));
      }
      ps.executeBatch();
    }
    EventRows.insert(c, sql, events);
  }

  private Instant databaseNow(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.currentTimestamp); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
