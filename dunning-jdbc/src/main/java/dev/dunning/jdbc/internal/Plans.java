package dev.dunning.jdbc.internal;

import dev.dunning.portal.PaymentPlan;
import dev.dunning.portal.PlanStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The latest payment plan of each case: one row per case, replaced by a MERGE on save. */
public final class Plans {
  private final Tx tx;
  private final Statements sql;

  public Plans(Tx tx, Statements sql) {
    this.tx = tx;
    this.sql = sql;
  }

  public void save(PaymentPlan p) {
    String json = IntakeJson.writePlan(p.instalments(), p.paidBefore(), p.decidedAt(), p.decidedBy(), p.note());
    tx.write(sql.planTable + ": save the plan of case " + p.caseId(), c -> {
      try {
        merge(c.prepareStatement(sql.savePlan), p, json);
      } catch (SQLException e) {
        if (!Sql.isUniqueViolation(e)) {
          throw e;
        }
        // PostgreSQL's MERGE may race a concurrent first save of the same case into the key:
        // the row exists now, so the same MERGE updates it
        c.rollback();
        merge(c.prepareStatement(sql.savePlan), p, json);
      }
      return null;
    });
  }

  private static void merge(PreparedStatement statement, PaymentPlan p, String json) throws SQLException {
    try (PreparedStatement ps = statement) {
      ps.setString(1, p.caseId());
      ps.setString(2, p.status().code());
      Sql.setInstant(ps, 3, p.requestedAt());
      ps.setString(4, json);
      ps.executeUpdate();
    }
  }

  /** @throws UnreadableRowException naming the column if the stored row cannot be read */
  public Optional<PaymentPlan> find(String caseId) {
    return tx.read(sql.planTable + ": find the plan of case " + caseId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.findPlan)) {
        ps.setString(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String where = "the plan of case " + caseId;
          String code = rs.getString(2);
          Instant requestedAt = Sql.getInstant(rs, 3);
          String json = rs.getString(4);
          PlanStatus status = CaseRows.column(sql.planTable, "status", where, () -> PlanStatus.fromCode(code));
          return Optional.of(CaseRows.column(sql.planTable, "plan", where, () -> {
            IntakeJson.PlanValue v = IntakeJson.readPlan(json);
            return new PaymentPlan(caseId, status, v.instalments(), v.paidBefore(), requestedAt, v.decidedAt(),
                v.decidedBy(), v.note());
          }));
        }
      }
    });
  }

  public void delete(String caseId) {
    tx.write(sql.planTable + ": delete the plan of case " + caseId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.deletePlan)) {
        ps.setString(1, caseId);
        ps.executeUpdate();
      }
      return null;
    });
  }
}
