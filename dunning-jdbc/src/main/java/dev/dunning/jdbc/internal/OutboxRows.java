package dev.dunning.jdbc.internal;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Money;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Maps the outbox table to {@link OutboxMessage} and back, by the positions of {@link Statements#OUTBOX_COLUMNS}. */
final class OutboxRows {
  /** The columns of {@link Statements#OUTBOX_COLUMNS} and lease_until, in order, for the set-based insert. */
  static final List<ArrayColumn<OutboxMessage>> ARRAY_COLUMNS = List.of(
      ArrayColumn.text("idempotency_key", OutboxMessage::idempotencyKey),
      ArrayColumn.text("case_id", OutboxMessage::caseId),
      ArrayColumn.text("tenant_id", OutboxMessage::tenantId),
      ArrayColumn.text("stage_id", OutboxMessage::stageId),
      ArrayColumn.text("stage_kind", m -> m.stageKind().code()),
      ArrayColumn.integer("stage_attempt", OutboxMessage::stageAttempt),
      ArrayColumn.text("channel", m -> m.channel().code()),
      ArrayColumn.text("fallbacks", m -> JsonCodec.writeChannels(m.fallbacks())),
      ArrayColumn.text("template_key", OutboxMessage::templateKey),
      ArrayColumn.date("deadline", OutboxMessage::deadline),
      ArrayColumn.decimal("amount_due", m -> m.amountDue().amount()),
      ArrayColumn.text("currency", m -> m.amountDue().currencyCode()),
      ArrayColumn.instant("created_at", OutboxMessage::createdAt),
      ArrayColumn.text("status", m -> m.status().code()),
      ArrayColumn.integer("attempts", OutboxMessage::attempts),
      ArrayColumn.instant("next_attempt_at", OutboxMessage::nextAttemptAt),
      ArrayColumn.text("lease_token", OutboxMessage::leaseToken),
      ArrayColumn.text("last_error", OutboxMessage::lastError),
      ArrayColumn.text("receipt", OutboxMessage::receipt),
      ArrayColumn.instant("sent_at", OutboxMessage::sentAt),
      ArrayColumn.instant("lease_until", OutboxRows::leaseUntil));

  private OutboxRows() {}

  /**
   * Inserts messages in one statement where the dialect can, else in one JDBC batch; a duplicate
   * idempotency key fails it with a unique violation.
   */
  static void insert(Connection c, Statements sql, List<OutboxMessage> messages) throws SQLException {
    if (messages.isEmpty()) {
      return;
    }
    if (sql.insertMessages != null) {
      try (PreparedStatement ps = c.prepareStatement(sql.insertMessages)) {
        ArrayColumn.bind(c, ps, ARRAY_COLUMNS, messages);
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.insertMessage)) {
      for (OutboxMessage m : messages) {
        bind(ps, m);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void bind(PreparedStatement ps, OutboxMessage m) throws SQLException {
    ps.setString(1, m.idempotencyKey());
    ps.setString(2, m.caseId());
    ps.setString(3, m.tenantId());
    ps.setString(4, m.stageId());
    ps.setString(5, m.stageKind().code());
    ps.setInt(6, m.stageAttempt());
    ps.setString(7, m.channel().code());
    ps.setString(8, JsonCodec.writeChannels(m.fallbacks()));
    ps.setString(9, m.templateKey());
    Sql.setDate(ps, 10, m.deadline());
    ps.setBigDecimal(11, m.amountDue().amount());
    ps.setString(12, m.amountDue().currencyCode());
    Sql.setInstant(ps, 13, m.createdAt());
    ps.setString(14, m.status().code());
    ps.setInt(15, m.attempts());
    Sql.setInstant(ps, 16, m.nextAttemptAt());
    Sql.setString(ps, 17, m.leaseToken());
    Sql.setString(ps, 18, m.lastError());
    Sql.setString(ps, 19, m.receipt());
    Sql.setInstant(ps, 20, m.sentAt());
    Sql.setInstant(ps, 21, leaseUntil(m));
  }

  /** A message stored already in flight keeps the lease it carries, on the caller's clock. */
  private static Instant leaseUntil(OutboxMessage m) {
    return m.status() == OutboxStatus.IN_FLIGHT ? m.nextAttemptAt() : null;
  }

  static OutboxMessage read(ResultSet rs, String table) throws SQLException {
    String key = rs.getString(1);
    String where = "message " + key;
    String stageKind = rs.getString(5);
    String channel = rs.getString(7);
    String fallbacks = rs.getString(8);
    BigDecimal amount = rs.getBigDecimal(11);
    String currency = rs.getString(12);
    String status = rs.getString(14);
    return new OutboxMessage(key, rs.getString(2), rs.getString(3), rs.getString(4),
        CaseRows.column(table, "stage_kind", where, () -> StageKind.fromCode(stageKind)), rs.getInt(6),
        CaseRows.column(table, "channel", where, () -> ChannelType.fromCode(channel)),
        CaseRows.column(table, "fallbacks", where, () -> JsonCodec.readChannels(fallbacks, "fallbacks")),
        rs.getString(9), Sql.getDate(rs, 10),
        CaseRows.column(table, "currency", where, () -> new Money(amount, JsonCodec.currency(currency, "currency"))),
        Sql.getInstant(rs, 13),
        CaseRows.column(table, "status", where, () -> OutboxStatus.fromCode(status)), rs.getInt(15),
        Sql.getInstant(rs, 16), rs.getString(17), rs.getString(18), rs.getString(19), Sql.getInstant(rs, 20));
  }
}
