package dev.dunning.jdbc;

import dev.dunning.intake.DemandStatus;
import dev.dunning.intake.DemandStore;
import dev.dunning.intake.StoredDemand;
import dev.dunning.jdbc.internal.Demands;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DemandStore} in the same database as a {@link JdbcCaseStore}, table
 * {@code <prefix>demand}: demands survive a restart, and the version check of
 * {@link #replace} is done by the database, so two instances cannot approve one demand twice.
 * Obtain one from {@link JdbcCaseStore#demandStore()}.
 *
 * @since 0.1
 */
public final class JdbcDemandStore implements DemandStore {
  private final Demands demands;

  JdbcDemandStore(Demands demands) {
    this.demands = demands;
  }

  /** @throws IllegalStateException if a demand with this id exists; nothing is written */
  @Override
  public void create(StoredDemand demand) {
    demands.create(Objects.requireNonNull(demand, "demand"));
  }

  /** @throws IllegalStateException naming the table and column if the stored row cannot be read */
  @Override
  public Optional<StoredDemand> find(String demandId) {
    return demands.find(demandId);
  }

  @Override
  public boolean replace(StoredDemand next) {
    return demands.replace(next);
  }

  /** {@inheritDoc} A row that cannot be read is left out and logged at WARN with its id. */
  @Override
  public List<StoredDemand> list(String tenantId, DemandStatus status) {
    return demands.list(tenantId, status);
  }
}
