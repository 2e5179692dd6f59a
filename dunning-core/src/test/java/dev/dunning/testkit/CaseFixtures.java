package dev.dunning.testkit;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.Origin;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.OutboxMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Sample creditors, debtors, claims and cases for tests of stores, channels and playbooks. Every
 * field is filled with something a careless mapping would lose (non-ASCII names, a non-UTC zone,
 * amounts with cents, several claims).
 */
public final class CaseFixtures {
  public static final String TENANT = "acme";
  /** A whole-second instant: every store keeps at least microseconds. */
  public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private CaseFixtures() {}

  public static Creditor creditor() {
    return new Creditor(TENANT, "ACME Services SA", List.of(new dev.dunning.model.LegalId("BE_ENTERPRISE", "0403.091.220")),
        PostalAddress.of("Rue de la Loi 16", "1000", "Bruxelles", "BE"),
        new Creditor.Letterhead("Facility services since 1998", "https://acme.example", "Credit control", null, "#1F3A5F"),
        "+32 2 555 01 23", "credit@acme.example", "BE71096123456769", "GKCCBEBB");
  }

  public static Debtor debtor(String id) {
    return Debtor.builder(id, "Brasserie Müller & Fils")
        .kind(DebtorKind.B2B)
        .legalId("VAT", "BE0403091220")
        .address(new PostalAddress(List.of("Chaussée de Wavre 1200", "Bâtiment B"), "1160", "Auderghem", "", "BE"))
        .email("compta@mueller.example")
        .phone("+3225550199")
        .locale(Locale.forLanguageTag("fr-BE"))
        .timeZone(ZoneId.of("Europe/Brussels"))
        .prefers(ChannelType.EMAIL)
        .directDebitMandate(true)
        .build();
  }

  public static Claim claim(String invoiceNumber, String amount) {
    return Claim.of(invoiceNumber, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 14), Money.of(amount, "EUR"),
        "+++090/9337/55493+++");
  }

  /** An OPEN case with two claims, due at {@code nextActionAt}. */
  public static RecoveryCase openCase(String id, Instant nextActionAt) {
    return new RecoveryCase.Builder()
        .id(id)
        .tenantId(TENANT)
        .playbookId("default")
        .debtor(debtor("D-" + id))
        .claims(List.of(claim("INV-" + id + "-1", "1234.56"),
            new Claim("INV-" + id + "-2", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 19),
                Money.of("99.90", "EUR"), Money.of("49.95", "EUR"), "")))
        .origin(Origin.DEMAND)
        .status(CaseStatus.OPEN)
        .openedAt(T0)
        .nextActionAt(nextActionAt)
        .build();
  }

  public static TimelineEvent event(String caseId, Instant at, EventType type, String detail) {
    return new TimelineEvent(caseId, at, type, Actor.manager("anna"), "reminder1", detail);
  }

  public static OutboxMessage message(RecoveryCase c, String stageId, ChannelType channel, Instant at) {
    return OutboxMessage.pending(c.id(), c.tenantId(), stageId, StageKind.REMINDER, 1, channel,
        List.of(ChannelType.LETTER), stageId, LocalDate.of(2026, 3, 10), c.balance(), at);
  }
}
