package dev.dunning.intake.internal;

import dev.dunning.NewCase;
import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.StoredDemand;
import dev.dunning.model.Actor;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.Origin;
import dev.dunning.model.PostalAddress;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** Turns a valid demand into what the engine opens: a debtor with normalised identifiers and the claims. */
public final class DemandCases {
  private DemandCases() {}

  /**
   * The case {@code caseId} to open for a demand that passed {@link DemandChecks}; the debtor id is
   * derived, see {@link #debtorId}.
   */
  public static NewCase newCase(StoredDemand stored, String caseId, ZoneId defaultZone, Actor openedBy) {
    Demand demand = stored.demand();
    DemandDebtor d = demand.debtor();
    PostalAddress a = d.address();
    Debtor.Builder debtor = Debtor.builder(debtorId(stored), d.name().strip())
        .kind(d.kind())
        .address(new PostalAddress(a.lines().stream().map(String::strip).toList(), a.postcode().strip(), a.city().strip(),
            a.region(), a.countryCode().strip().toUpperCase(Locale.ROOT)))
        .locale(Locale.forLanguageTag(d.language().strip()))
        .timeZone(d.timeZone() != null ? d.timeZone() : defaultZone);
    LegalId legalId = normalisedLegalId(d);
    if (legalId != null) {
      debtor.legalId(legalId.scheme(), legalId.value());
    }
    if (d.email() != null && !d.email().isBlank()) {
      debtor.email(d.email().strip());
    }
    if (d.phone() != null && !d.phone().isBlank()) {
      debtor.phone(DemandChecks.phone(d.phone()));
    }
    NewCase.Builder c = NewCase.builder(demand.tenantId(), debtor.build()).id(caseId).origin(Origin.DEMAND)
        .openedBy(openedBy);
    for (DemandInvoice inv : demand.invoices()) {
      Money amount = new Money(inv.amount(), Currency.getInstance(inv.currency().strip().toUpperCase(Locale.ROOT)));
      // the invoice number is what the debtor quotes when paying an invoice they already hold
      c.claim(Claim.of(inv.number().strip(), inv.issueDate(), inv.dueDate(), amount, inv.number().strip()));
    }
    return c.build();
  }

  /** The total of a valid demand's invoices. */
  public static Money total(Demand demand) {
    Money total = null;
    for (DemandInvoice inv : demand.invoices()) {
      Money m = new Money(inv.amount(), Currency.getInstance(inv.currency().strip().toUpperCase(Locale.ROOT)));
      total = total == null ? m : total.plus(m);
    }
    return total;
  }

  /**
   * A colleague rarely knows the debtor's customer number, so the debtor is identified by its legal
   * identifier when it has one (the same company then groups across demands), else by the demand.
   */
  static String debtorId(StoredDemand stored) {
    LegalId id = normalisedLegalId(stored.demand().debtor());
    return id != null ? id.scheme() + ":" + id.value() : "demand:" + stored.id();
  }

  private static LegalId normalisedLegalId(DemandDebtor d) {
    if (d.legalId() == null || d.legalId().value() == null || d.legalId().value().isBlank()) {
      return null;
    }
    return new LegalId(d.legalId().scheme(), DemandChecks.legalId(d.legalId()).normalised());
  }
}
