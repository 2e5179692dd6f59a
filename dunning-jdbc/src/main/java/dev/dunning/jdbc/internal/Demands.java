package dev.dunning.jdbc.internal;

import dev.dunning.intake.DemandStatus;
import dev.dunning.intake.StoredDemand;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demands: the demand and its decider as JSON, what the desk lists by and what a replace checks as
 * columns. A replace is one {@code UPDATE … WHERE id = ? AND version = ?}: of two managers deciding
 * the same version, the database lets exactly one through.
 */
public final class Demands {
  private static final Logger LOG = LoggerFactory.getLogger(Demands.class);

  private final Tx tx;
  private final Statements sql;

  public Demands(Tx tx, Statements sql) {
    this.tx = tx;
    this.sql = sql;
  }

  public void create(StoredDemand d) {
    String json = IntakeJson.writeDemand(d.demand(), d.decidedBy(), d.rejectionReason());
    tx.write(sql.demandTable + ": create demand " + d.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.insertDemand)) {
        ps.setString(1, d.id());
        bind(ps, 2, d, json);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          throw new IllegalStateException("demand " + d.id() + " already exists (" + sql.demandTable + ")", e);
        }
        throw e;
      }
      return null;
    });
  }

  /** @throws UnreadableRowException naming the column if the stored row cannot be read */
  public Optional<StoredDemand> find(String id) {
    return tx.read(sql.demandTable + ": find demand " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.findDemand)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  public boolean replace(StoredDemand next) {
    String json = IntakeJson.writeDemand(next.demand(), next.decidedBy(), next.rejectionReason());
    return tx.write(sql.demandTable + ": replace demand " + next.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.replaceDemand)) {
        int i = bind(ps, 1, next, json);
        ps.setString(i++, next.id());
        ps.setLong(i, next.version() - 1);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** A tenant's demands in one status, oldest first; a row that cannot be read is left out and logged. */
  public List<StoredDemand> list(String tenantId, DemandStatus status) {
    return tx.read(sql.demandTable + ": demands of " + tenantId + " in " + status, c -> {
      List<StoredDemand> demands = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.demandsOf)) {
        ps.setString(1, tenantId);
        ps.setString(2, status.code());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            try {
              demands.add(read(rs));
            } catch (UnreadableRowException e) {
              LOG.warn("demand {} is left out of a listing: {}", rs.getString(1), e.getMessage());
            }
          }
        }
      }
      return List.copyOf(demands);
    });
  }

  /** Binds tenant, status, submitted_at, decided_at, case_id, version, demand from {@code i}; returns the next index. */
  private static int bind(PreparedStatement ps, int i, StoredDemand d, String json) throws SQLException {
    ps.setString(i++, d.demand().tenantId());
    ps.setString(i++, d.status().code());
    Sql.setInstant(ps, i++, d.submittedAt());
    Sql.setInstant(ps, i++, d.decidedAt());
    Sql.setString(ps, i++, d.caseId());
    ps.setLong(i++, d.version());
    ps.setString(i++, json);
    return i;
  }

  private StoredDemand read(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    String where = "demand " + id;
    String tenantId = rs.getString(2);
    String status = rs.getString(3);
    String json = rs.getString(8);
    IntakeJson.DemandValue value = CaseRows.column(sql.demandTable, "demand", where,
        () -> IntakeJson.readDemand(json, tenantId));
    return new StoredDemand(id, value.demand(),
        CaseRows.column(sql.demandTable, "status", where, () -> DemandStatus.fromCode(status)),
        Sql.getInstant(rs, 4), Sql.getInstant(rs, 5), value.decidedBy(), rs.getString(6), value.rejectionReason(),
        rs.getLong(7));
  }
}
