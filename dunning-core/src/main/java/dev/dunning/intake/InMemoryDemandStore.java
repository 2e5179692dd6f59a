package dev.dunning.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link DemandStore} in memory, for tests, demos and small hosts. Nothing survives
 * the JVM.
 *
 * @since 0.1
 */
public final class InMemoryDemandStore implements DemandStore {
  private final ConcurrentHashMap<String, StoredDemand> byId = new ConcurrentHashMap<>();

  @Override
  public void create(StoredDemand demand) {
    Objects.requireNonNull(demand, "demand");
    if (byId.putIfAbsent(demand.id(), demand) != null) {
      throw new IllegalStateException("demand " + demand.id() + " already exists");
    }
  }

  @Override
  public Optional<StoredDemand> find(String demandId) {
    return Optional.ofNullable(byId.get(demandId));
  }

  @Override
  public boolean replace(StoredDemand next) {
    boolean[] replaced = {false};
    byId.computeIfPresent(next.id(), (id, current) -> {
      if (current.version() == next.version() - 1) {
        replaced[0] = true;
        return next;
      }
      return current;
    });
    return replaced[0];
  }

  @Override
  public List<StoredDemand> list(String tenantId, DemandStatus status) {
    return byId.values().stream()
        .filter(d -> Objects.equals(d.demand().tenantId(), tenantId) && d.status() == status)
        .sorted(Comparator.comparing(StoredDemand::submittedAt).thenComparing(StoredDemand::id))
        .toList();
  }
}
