package dev.dunning.examples.demo;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.model.Actor;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The demo's data on first start: one creditor and a dozen debtors in six languages, each with
 * invoices of a different age (not yet due, a few days, a month, two, three, half a year late).
 * Cases have fixed ids, so seeding again after a restart opens nothing twice.
 */
public final class DemoSeed {
  public static final String TENANT = "acme";
  public static final ZoneId CREDITOR_ZONE = ZoneId.of("Europe/Brussels");
  private static final Actor SEEDER = Actor.manager("demo seed");

  /** One debtor of the seed: who, where, in which language, and how late their invoice is. */
  private record Seed(String name, String language, String zone, PostalAddress address, DebtorKind kind,
      String legalScheme, String legalId, int daysLate, String amount, String currency) {}

  private static final List<Seed> SEEDS = List.of(
      new Seed("Brasserie Dupont SPRL", "fr-BE", "Europe/Brussels", PostalAddress.of("Rue du Marché 1", "1000",
          "Bruxelles", "BE"), DebtorKind.B2B, "BE_ENTERPRISE", "0403.091.220", -10, "480.00", "EUR"),
      new Seed("Bakkerij Peeters BV", "nl-BE", "Europe/Brussels", PostalAddress.of("Kerkstraat 12", "9000", "Gent",
          "BE"), DebtorKind.B2B, null, null, -2, "1250.00", "EUR"),
      new Seed("Müller Handels GmbH", "de-DE", "Europe/Berlin", PostalAddress.of("Hauptstraße 5", "10115", "Berlin",
          "DE"), DebtorKind.B2B, null, null, 3, "9800.00", "EUR"),
      new Seed("Thornton & Hale Ltd", "en-GB", "Europe/London", PostalAddress.of("14 King Street", "EC2V 8EA", "London",
          "GB"), DebtorKind.B2B, null, null, 12, "2310.40", "GBP"),
      new Seed("Boulangerie Martin SARL", "fr-FR", "Europe/Paris", PostalAddress.of("12 rue de Rivoli", "75001", "Paris",
          "FR"), DebtorKind.B2B, "FR_SIRET", "73282932000074", 26, "640.00", "EUR"),
      new Seed("Софийска търговия ЕООД", "bg-BG", "Europe/Sofia", PostalAddress.of("ул. Витоша 10", "1000", "София",
          "BG"), DebtorKind.B2B, null, null, 38, "1875.00", "EUR"),
      new Seed("Garage Lemaire SA", "fr-BE", "Europe/Brussels", PostalAddress.of("Chaussée de Louvain 200", "5000",
          "Namur", "BE"), DebtorKind.B2B, null, null, 52, "3420.75", "EUR"),
      new Seed("Drukkerij Jacobs NV", "nl-BE", "Europe/Brussels", PostalAddress.of("Meir 50", "2000", "Antwerpen",
          "BE"), DebtorKind.B2B, null, null, 67, "715.20", "EUR"),
      new Seed("Weber Logistik KG", "de-DE", "Europe/Berlin", PostalAddress.of("Königsallee 20", "40212", "Düsseldorf",
          "DE"), DebtorKind.B2B, null, null, 80, "12500.00", "EUR"),
      new Seed("Clarke Catering Ltd", "en-GB", "Europe/London", PostalAddress.of("3 Deansgate", "M3 2BW", "Manchester",
          "GB"), DebtorKind.B2B, null, null, 96, "890.00", "GBP"),
      new Seed("Camille Rousseau", "fr-FR", "Europe/Paris", PostalAddress.of("8 place Bellecour", "69002", "Lyon",
          "FR"), DebtorKind.B2C, null, null, 130, "159.90", "EUR"),
      new Seed("Van Damme Transport BV", "nl-BE", "Europe/Brussels", PostalAddress.of("Hoogstraat 3", "8000", "Brugge",
          "BE"), DebtorKind.B2B, null, null, 181, "4100.00", "EUR"));

  private DemoSeed() {}

  /** The demo's creditor: a Brussels facility-services company. */
  public static Creditor creditor() {
    return new Creditor(TENANT, "ACME Services SA", List.of(new LegalId("BE_ENTERPRISE", "0403.091.220")),
        PostalAddress.of("Rue de la Loi 16", "1000", "Bruxelles", "BE"),
        new Creditor.Letterhead("Facility services", "https://acme.example", "Credit control", null, "#1F3A5F"),
        "+32 2 555 01 23", "credit@acme.example", "BE71096123456769", "GKCCBEBB");
  }

  /** Opens the seed cases that do not exist yet; returns how many were opened. */
  public static int seed(RecoveryEngine engine) {
    LocalDate today = LocalDate.now(engine.clock().withZone(CREDITOR_ZONE));
    int opened = 0;
    for (int i = 0; i < SEEDS.size(); i++) {
      String id = "DEMO-%02d".formatted(i + 1);
      if (engine.find(id).isPresent()) {
        continue;
      }
      Seed s = SEEDS.get(i);
      LocalDate due = today.minusDays(s.daysLate());
      Claim claim = Claim.of("INV-%d-%04d".formatted(due.getYear(), 1001 + i), due.minusDays(30), due,
          Money.of(s.amount(), s.currency()), "DEMO-%02d".formatted(i + 1));
      engine.open(NewCase.builder(TENANT, debtor(i + 1, s)).id(id).openedBy(SEEDER).claim(claim).build());
      opened++;
    }
    return opened;
  }

  private static Debtor debtor(int n, Seed s) {
    String slug = s.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
    Debtor.Builder b = Debtor.builder("D-%02d".formatted(n), s.name()).kind(s.kind())
        .locale(Locale.forLanguageTag(s.language())).timeZone(ZoneId.of(s.zone())).address(s.address())
        .email("accounts@" + (slug.isEmpty() ? "debtor-" + n : slug) + ".example");
    if (s.legalId() != null) {
      b.legalId(s.legalScheme(), s.legalId());
    }
    return b.build();
  }
}
