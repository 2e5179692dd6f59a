package dev.dunning.spi;

import dev.dunning.model.CaseStatus;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A filter over cases for desks and reports (never used by the tick). Results are ordered by
 * {@code openedAt}, then id.
 *
 * @param tenantId only this creditor's cases, or {@code null} for all
 * @param statuses only these statuses, or empty for all
 * @param invoiceNumber only cases holding a claim with this invoice number, or {@code null}
 * @param debtorId only this debtor's cases, or {@code null}
 * @param offset rows to skip
 * @param limit rows to return at most, 1..10000
 * @since 0.1
 */
public record CaseQuery(String tenantId, Set<CaseStatus> statuses, String invoiceNumber, String debtorId,
    int offset, int limit) {

  public CaseQuery {
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
    }
  }

  /** The first 100 cases of any tenant and status. */
  public static CaseQuery all() {
    return new CaseQuery(null, Set.of(), null, null, 0, 100);
  }

  public CaseQuery tenant(String tenantId) {
    return new CaseQuery(Objects.requireNonNull(tenantId), statuses, invoiceNumber, debtorId, offset, limit);
  }

  public CaseQuery status(CaseStatus first, CaseStatus... more) {
    return new CaseQuery(tenantId, EnumSet.of(first, more), invoiceNumber, debtorId, offset, limit);
  }

  /** Cases that are not closed. */
  public CaseQuery notClosed() {
    return status(CaseStatus.OPEN, CaseStatus.ON_HOLD, CaseStatus.AWAITING_APPROVAL);
  }

  public CaseQuery invoice(String invoiceNumber) {
    return new CaseQuery(tenantId, statuses, Objects.requireNonNull(invoiceNumber), debtorId, offset, limit);
  }

  public CaseQuery debtor(String debtorId) {
    return new CaseQuery(tenantId, statuses, invoiceNumber, Objects.requireNonNull(debtorId), offset, limit);
  }

  public CaseQuery page(int offset, int limit) {
    return new CaseQuery(tenantId, statuses, invoiceNumber, debtorId, offset, limit);
  }

  /** Whether {@code c} passes every filter (offset and limit aside). */
  public boolean matches(dev.dunning.model.RecoveryCase c) {
    return (tenantId == null || tenantId.equals(c.tenantId()))
        && (statuses.isEmpty() || statuses.contains(c.status()))
        && (debtorId == null || debtorId.equals(c.debtor().id()))
        && (invoiceNumber == null || c.claims().stream().anyMatch(cl -> cl.invoiceNumber().equals(invoiceNumber)));
  }
}
