package dev.dunning.spi;

import dev.dunning.model.Creditor;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the creditor (tenant) of a case by its id; hosts with many tenants implement it over their
 * own tables.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CreditorDirectory {

  Optional<Creditor> find(String tenantId);

  /** A fixed set of creditors. */
  static CreditorDirectory of(Creditor... creditors) {
    Map<String, Creditor> byId = Arrays.stream(creditors).collect(Collectors.toUnmodifiableMap(Creditor::id, Function.identity()));
    return tenantId -> Optional.ofNullable(byId.get(tenantId));
  }
}
