package dev.dunning.intake;

import java.util.List;
import java.util.Optional;

/**
 * Keeps demands while they wait for a manager, and after. {@link InMemoryDemandStore} is the
 * in-memory implementation; {@code dunning-jdbc}'s {@code JdbcCaseStore.demandStore()} a durable one.
 * {@code DemandStoreContract} (the {@code dunning-core} test-jar) is the suite every implementation passes.
 *
 * @since 0.1
 */
public interface DemandStore {

  /** Stores a new demand; fails if its id exists. */
  void create(StoredDemand demand);

  Optional<StoredDemand> find(String demandId);

  /**
   * Replaces a demand by {@code next} if it is still at {@code next.version() - 1}; returns
   * {@code false} (and changes nothing) if someone else wrote it first. This is what keeps two
   * managers from approving one demand twice.
   */
  boolean replace(StoredDemand next);

  /** A tenant's demands in {@code status}, oldest first. */
  List<StoredDemand> list(String tenantId, DemandStatus status);
}
