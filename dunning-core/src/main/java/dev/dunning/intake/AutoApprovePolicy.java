package dev.dunning.intake;

import dev.dunning.model.Money;
import java.util.Objects;

/**
 * Decides whether a valid demand is approved at once, without waiting for a manager (e.g. small
 * amounts). Called only for demands that passed every check.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AutoApprovePolicy {
  /** Every demand waits for a manager. */
  AutoApprovePolicy NEVER = (demand, total) -> false;

  boolean approves(Demand demand, Money total);

  /** Approves demands whose total is at most {@code limit} (in the limit's currency; others wait). */
  static AutoApprovePolicy totalAtMost(Money limit) {
    Objects.requireNonNull(limit, "limit");
    return (demand, total) -> total.currency().equals(limit.currency()) && !total.isGreaterThan(limit);
  }
}
