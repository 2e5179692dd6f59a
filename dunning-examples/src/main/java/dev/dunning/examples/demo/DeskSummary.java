package dev.dunning.examples.demo;

import dev.dunning.model.Claim;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers at the top of the collection desk, computed from the cases that are not closed:
 * each unpaid invoice with its days late, and the open balances in aging buckets (not yet due,
 * 1–30, 31–60, 61–90, over 90 days late), per currency since amounts in different currencies
 * never add up.
 *
 * @param invoices the unpaid invoices, latest first
 * @param buckets bucket label → currency → total open balance; every bucket present, in order
 * @param counts bucket label → number of invoices
 */
public record DeskSummary(List<LateInvoice> invoices, Map<String, Map<String, Money>> buckets,
    Map<String, Integer> counts) {

  public static final List<String> BUCKETS = List.of("not yet due", "1–30 days", "31–60 days", "61–90 days",
      "over 90 days");

  /** One unpaid invoice of an open case; {@code daysLate} is negative before the due date. */
  public record LateInvoice(RecoveryCase recoveryCase, Claim claim, long daysLate) {}

  /** The summary of {@code cases} on {@code today}; closed cases and paid invoices are left out. */
  public static DeskSummary of(List<RecoveryCase> cases, LocalDate today) {
    List<LateInvoice> invoices = new ArrayList<>();
    Map<String, Map<String, Money>> buckets = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    BUCKETS.forEach(b -> {
      buckets.put(b, new TreeMap<>());
      counts.put(b, 0);
    });
    for (RecoveryCase c : cases) {
      if (c.isClosed()) {
        continue;
      }
      for (Claim claim : c.claims()) {
        if (!claim.openBalance().isPositive()) {
          continue;
        }
        long late = ChronoUnit.DAYS.between(claim.dueDate(), today);
        invoices.add(new LateInvoice(c, claim, late));
        String bucket = bucket(late);
        buckets.get(bucket).merge(claim.openBalance().currencyCode(), claim.openBalance(), Money::plus);
        counts.merge(bucket, 1, Integer::sum);
      }
    }
    invoices.sort(Comparator.comparingLong(LateInvoice::daysLate).reversed());
    return new DeskSummary(List.copyOf(invoices), buckets, counts);
  }

  /** The bucket of an invoice {@code daysLate} days after its due date. */
  public static String bucket(long daysLate) {
    if (daysLate <= 0) {
      return BUCKETS.get(0);
    }
    if (daysLate <= 30) {
      return BUCKETS.get(1);
    }
    if (daysLate <= 60) {
      return BUCKETS.get(2);
    }
    return daysLate <= 90 ? BUCKETS.get(3) : BUCKETS.get(4);
  }
}
