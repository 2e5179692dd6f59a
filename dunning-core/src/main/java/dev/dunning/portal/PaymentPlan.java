package dev.dunning.portal;

import dev.dunning.model.Actor;
import dev.dunning.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instalment plan of a case: the schedule, and the decision on it. Payments count towards the
 * instalments from {@link #paidBefore()} on: the first instalment is covered once the case's paid
 * total exceeds it by the first amount, and so on.
 *
 * @param caseId the case
 * @param status where the plan stands
 * @param instalments the schedule, monthly, the amounts summing exactly to the balance split
 * @param paidBefore what the case had been paid when the schedule was computed
 * @param requestedAt when the debtor asked
 * @param decidedAt when a manager decided, or {@code null}
 * @param decidedBy who decided, or {@code null}
 * @param note the debtor's note on request; the manager's on decision (may be empty)
 * @since 0.1
 */
public record PaymentPlan(String caseId, PlanStatus status, List<Instalment> instalments, Money paidBefore,
    Instant requestedAt, Instant decidedAt, Actor decidedBy, String note) {

  public PaymentPlan {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(status, "status");
    instalments = List.copyOf(instalments);
    if (instalments.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one instalment");
    }
    Objects.requireNonNull(paidBefore, "paidBefore");
    Objects.requireNonNull(requestedAt, "requestedAt");
    note = Objects.requireNonNullElse(note, "");
  }

  /** The sum of the instalments. */
  public Money total() {
    Money sum = Money.zero(paidBefore.currency());
    for (Instalment i : instalments) {
      sum = sum.plus(i.amount());
    }
    return sum;
  }

  /** How many instalments, from the first, {@code paidSinceStart} pays for in full. */
  public int coveredBy(Money paidSinceStart) {
    Money cumulative = Money.zero(paidBefore.currency());
    int covered = 0;
    for (Instalment i : instalments) {
      cumulative = cumulative.plus(i.amount());
      if (paidSinceStart.isLessThan(cumulative)) {
        break;
      }
      covered++;
    }
    return covered;
  }

  /** The first instalment {@code paidSinceStart} does not pay for in full, or empty if it pays for all. */
  public Optional<Instalment> nextDue(Money paidSinceStart) {
    int covered = coveredBy(paidSinceStart);
    return covered < instalments.size() ? Optional.of(instalments.get(covered)) : Optional.empty();
  }

  PaymentPlan decided(PlanStatus status, List<Instalment> instalments, Money paidBefore, Instant at, Actor by,
      String note) {
    return new PaymentPlan(caseId, status, instalments, paidBefore, requestedAt, at, by, note);
  }

  PaymentPlan withStatus(PlanStatus status) {
    return new PaymentPlan(caseId, status, instalments, paidBefore, requestedAt, decidedAt, decidedBy, note);
  }
}
