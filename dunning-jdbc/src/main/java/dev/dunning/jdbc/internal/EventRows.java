package dev.dunning.jdbc.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.model.TimelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Maps the timeline table to {@link TimelineEvent} and back. */
final class EventRows {
  /** The columns of {@link Statements#EVENT_COLUMNS}, in order, for the set-based insert. */
  static final List<ArrayColumn<TimelineEvent>> ARRAY_COLUMNS = List.of(
      ArrayColumn.text("case_id", TimelineEvent::caseId),
      ArrayColumn.instant("occurred_at", TimelineEvent::at),
      ArrayColumn.text("event_type", e -> e.type().code()),
      ArrayColumn.text("actor_kind", e -> e.actor().kind().code()),
      ArrayColumn.text("actor_name", e -> e.actor().name()),
      ArrayColumn.text("stage_id", TimelineEvent::stageId),
      ArrayColumn.text("detail", TimelineEvent::detail));

  private EventRows() {}

  /** Inserts events in one statement where the dialect can, else in one JDBC batch. */
  static void insert(Connection c, Statements sql, List<TimelineEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    if (sql.insertEvents != null) {
      try (PreparedStatement ps = c.prepareStatement(sql.insertEvents)) {
        ArrayColumn.bind(c, ps, ARRAY_COLUMNS, events);
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.insertEvent)) {
      for (TimelineEvent e : events) {
        bind(ps, e);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void bind(PreparedStatement ps, TimelineEvent e) throws SQLException {
    ps.setString(1, e.caseId());
    Sql.setInstant(ps, 2, e.at());
    ps.setString(3, e.type().code());
    ps.setString(4, e.actor().kind().code());
    ps.setString(5, e.actor().name());
    ps.setString(6, e.stageId());
    ps.setString(7, e.detail());
  }

  static TimelineEvent read(ResultSet rs, String table) throws SQLException {
    String caseId = rs.getString(1);
    String type = rs.getString(3);
    String actorKind = rs.getString(4);
    String where = "an event of case " + caseId;
    return new TimelineEvent(caseId, Sql.getInstant(rs, 2),
        CaseRows.column(table, "event_type", where, () -> EventType.fromCode(type)),
        new Actor(CaseRows.column(table, "actor_kind", where, () -> Actor.Kind.fromCode(actorKind)), rs.getString(5)),
        rs.getString(6), rs.getString(7));
  }
}
