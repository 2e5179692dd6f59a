package dev.dunning.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * A colleague's request to recover unpaid invoices of one debtor for one creditor: what the
 * intranet form sends. Holds the input as typed; {@link IntakeService} checks it.
 *
 * @param requester who asks
 * @param tenantId the creditor entity the invoices were issued by
 * @param debtor who owes
 * @param invoices the unpaid invoices, at least one, all in one currency
 * @param comment anything the collection manager should know (may be empty)
 * @since 0.1
 */
public record Demand(Requester requester, String tenantId, DemandDebtor debtor, List<DemandInvoice> invoices,
    String comment) {

  public Demand {
    invoices = invoices == null ? List.of() : List.copyOf(invoices);
    comment = comment == null ? "" : comment;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Demand}; nothing is checked here, everything in {@link IntakeService#validate}. */
  public static final class Builder {
    private Requester requester;
    private String tenantId;
    private DemandDebtor debtor;
    private final List<DemandInvoice> invoices = new ArrayList<>();
    private String comment = "";

    private Builder() {}

    public Builder requester(Requester requester) {
      this.requester = requester;
      return this;
    }

    public Builder tenant(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder debtor(DemandDebtor debtor) {
      this.debtor = debtor;
      return this;
    }

    public Builder invoice(DemandInvoice invoice) {
      invoices.add(invoice);
      return this;
    }

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    public Demand build() {
      return new Demand(requester, tenantId, debtor, invoices, comment);
    }
  }
}
