package dev.dunning.intake;

import static dev.dunning.portal.PortalFixtures.validDemand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dunning.model.DebtorKind;
import dev.dunning.model.PostalAddress;
import dev.dunning.portal.PortalFixtures;
import dev.dunning.portal.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandValidationTest {
  private final PortalFixtures f = new PortalFixtures();

  private List<DemandProblem> problems(Demand demand) {
    return f.intake.validate(demand);
  }

  private static DemandDebtor.Builder debtor() {
    return DemandDebtor.builder("Dupont SA").kind(DebtorKind.B2B).legalId(LegalIdSchemes.FR_SIRET, "73282932000074")
        .address(PostalAddress.of("12 rue de Rivoli", "75001", "Paris", "FR")).language("fr");
  }

  @Test
  void a_complete_demand_has_no_problem() {
    assertThat(problems(validDemand().build())).isEmpty();
  }

  @Test
  void a_wrong_siret_names_the_field_and_the_check() {
    Demand d = validDemand().debtor(debtor().legalId(LegalIdSchemes.FR_SIRET, "73282932000075").build()).build();
    assertThat(problems(d)).extracting(DemandProblem::field, DemandProblem::code)
        .containsExactly(tuple("debtor.legalId", "siret.checksum"));
  }

  @Test
  void la_poste_siret_is_accepted() {
    assertThat(problems(validDemand().debtor(debtor().legalId(LegalIdSchemes.FR_SIRET, "356 000 000 49837").build())
        .build())).isEmpty();
  }

  @Test
  void a_business_without_identifier_and_an_unknown_scheme_are_refused_but_a_consumer_needs_none() {
    assertThat(problems(validDemand().debtor(debtor().legalId(null, null).build()).build()))
        .extracting(DemandProblem::code).containsExactly("legal_id.missing");
    assertThat(problems(validDemand().debtor(debtor().legalId("US_EIN", "12-3456789").build()).build()))
        .extracting(DemandProblem::code).containsExactly("legal_id.scheme.unknown");
    DemandDebtor consumer = new DemandDebtor("Jean Dupont", DebtorKind.B2C, null,
        PostalAddress.of("12 rue de Rivoli", "75001", "Paris", "FR"), null, null, "fr", null, null);
    assertThat(problems(validDemand().debtor(consumer).build())).isEmpty();
  }

  @Test
  void every_missing_address_part_is_reported_with_its_own_code() {
    Demand d = validDemand().debtor(debtor().address(PostalAddress.of(" ", "", "", "")).build()).build();
    assertThat(problems(d)).extracting(DemandProblem::field, DemandProblem::code).containsExactly(
        tuple("debtor.address.street", "address.street.missing"),
        tuple("debtor.address.postcode", "address.postcode.missing"),
        tuple("debtor.address.city", "address.city.missing"),
        tuple("debtor.address.countryCode", "address.country.missing"));
  }

  @Test
  void country_must_be_iso_alpha2_and_the_postcode_fit_it() {
    assertThat(problems(validDemand().debtor(debtor().address(PostalAddress.of("Rue 1", "75001", "Paris", "FRA")).build())
        .build())).extracting(DemandProblem::code).containsExactly("address.country.invalid");
    assertThat(problems(validDemand().debtor(debtor().address(PostalAddress.of("Rue 1", "750", "Paris", "FR")).build())
        .build())).extracting(DemandProblem::code).containsExactly("address.postcode.format");
    assertThat(problems(validDemand().debtor(debtor().address(null).build()).build()))
        .extracting(DemandProblem::code).containsExactly("address.missing");
  }

  @Test
  void an_invoice_due_today_has_not_passed_yet_but_one_due_yesterday_has() {
    Demand dueToday = validDemand().invoice(DemandInvoice.of("INV-9", LocalDate.of(2026, 2, 1), PortalFixtures.TODAY,
        "10.00", "EUR")).build();
    assertThat(problems(dueToday)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("invoices[1].dueDate");
      assertThat(p.code()).isEqualTo("invoice.not_due");
      assertThat(p.message()).contains("has not passed yet", "2026-03-03");
    });
    Demand dueYesterday = validDemand().invoice(DemandInvoice.of("INV-9", LocalDate.of(2026, 2, 1),
        PortalFixtures.TODAY.minusDays(1), "10.00", "EUR")).build();
    assertThat(problems(dueYesterday)).isEmpty();
  }

  @Test
  void today_is_taken_in_the_debtors_zone() {
    // 08:00 UTC on 2 March is already 2 March in Brussels but still 1 March in Honolulu
    Demand d = validDemand().debtor(debtor().timeZone(ZoneId.of("Pacific/Honolulu")).build())
        .invoice(DemandInvoice.of("INV-9", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), "10.00", "EUR")).build();
    assertThat(problems(d)).extracting(DemandProblem::code).containsExactly("invoice.not_due");
  }

  @Test
  void amounts_must_be_positive_with_the_currencys_decimals_and_one_known_currency() {
    Demand d = validDemand()
        .invoice(new DemandInvoice("INV-2", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 2), new BigDecimal("10.001"), "EUR", null))
        .invoice(new DemandInvoice("INV-3", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 2), BigDecimal.ZERO, "EUR", null))
        .invoice(new DemandInvoice("INV-4", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 2), new BigDecimal("5"), "USD", null))
        .invoice(new DemandInvoice("INV-5", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 2), new BigDecimal("5"), "EUX", null))
        .invoice(new DemandInvoice("INV-6", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 2), new BigDecimal("5"), "XXX", null))
        .build();
    assertThat(problems(d)).extracting(DemandProblem::field, DemandProblem::code).containsExactly(
        tuple("invoices[1].amount", "invoice.amount.decimals"),
        tuple("invoices[2].amount", "invoice.amount.not_positive"),
        tuple("invoices[3].currency", "invoice.currency.mixed"),
        tuple("invoices[4].currency", "invoice.currency.unknown"),
        tuple("invoices[5].currency", "invoice.currency.unknown"));
  }

  @Test
  void an_invoice_already_in_an_open_case_is_refused_naming_that_case() {
    String caseId = f.openCase().id();
    assertThat(problems(validDemand().build())).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("invoices[0].number");
      assertThat(p.code()).isEqualTo("invoice.open_case");
      assertThat(p.message()).contains(caseId);
    });
  }

  @Test
  void the_same_invoice_number_of_another_creditor_or_of_a_closed_case_is_no_duplicate() {
    f.openCase(PortalFixtures.OTHER_TENANT, "INV-2026-001");
    String closed = f.openCase(PortalFixtures.TENANT, "INV-2026-001").id();
    f.engine.cancel(closed, "opened by mistake", dev.dunning.model.Actor.manager("claire"));
    assertThat(problems(validDemand().build())).isEmpty();
  }

  @Test
  void many_problems_are_reported_at_once() {
    Demand d = Demand.builder()
        .requester(new Requester("", "not-an-email", null))
        .tenant("nobody")
        .debtor(DemandDebtor.builder("").kind(DebtorKind.B2B).legalId(LegalIdSchemes.BE_ENTERPRISE, "0566.988.258")
            .address(PostalAddress.of("Rue 1", "", "Liège", "BE")).email("x@").phone("12").language("??")
            .iban("BE71 0961 2345 6768").build())
        .invoice(new DemandInvoice("A-1", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 1), new BigDecimal("-5"), "EUR", null))
        .invoice(new DemandInvoice("A-1", null, null, null, null, new Upload("facture.pdf", PortalFixtures.html())))
        .comment("x".repeat(4001))
        .build();
    assertThat(problems(d)).extracting(DemandProblem::field, DemandProblem::code).containsExactly(
        tuple("requester.name", "requester.name.missing"),
        tuple("requester.email", "email.invalid"),
        tuple("tenantId", "tenant.unknown"),
        tuple("debtor.name", "debtor.name.missing"),
        tuple("debtor.legalId", "be_enterprise.checksum"),
        tuple("debtor.address.postcode", "address.postcode.missing"),
        tuple("debtor.email", "email.invalid"),
        tuple("debtor.phone", "phone.invalid"),
        tuple("debtor.language", "language.invalid"),
        tuple("debtor.iban", "iban.checksum"),
        tuple("invoices[0].issueDate", "invoice.issue_date.future"),
        tuple("invoices[0].dueDate", "invoice.due_date.before_issue"),
        tuple("invoices[0].amount", "invoice.amount.not_positive"),
        tuple("invoices[1].number", "invoice.number.duplicate"),
        tuple("invoices[1].issueDate", "invoice.issue_date.missing"),
        tuple("invoices[1].dueDate", "invoice.due_date.missing"),
        tuple("invoices[1].currency", "invoice.currency.missing"),
        tuple("invoices[1].amount", "invoice.amount.missing"),
        tuple("invoices[1].copy", "file.type"),
        tuple("comment", "comment.too_long"));
  }

  @Test
  void a_demand_without_invoices_or_parties_says_so() {
    assertThat(problems(Demand.builder().build())).extracting(DemandProblem::code)
        .containsExactly("requester.missing", "tenant.missing", "debtor.missing", "invoices.missing");
  }

  @Test
  void submitting_an_invalid_demand_throws_every_problem_and_stores_nothing() {
    Demand d = validDemand().debtor(debtor().legalId(LegalIdSchemes.FR_SIRET, "73282932000075")
        .address(PostalAddress.of("12 rue de Rivoli", "", "Paris", "FR")).build()).build();
    assertThatThrownBy(() -> f.intake.submit(d)).isInstanceOfSatisfying(InvalidDemandException.class, e -> {
      assertThat(e.problems()).extracting(DemandProblem::code).containsExactly("siret.checksum", "address.postcode.missing");
      assertThat(e.getMessage()).contains("2 problems", "debtor.legalId", "debtor.address.postcode");
    });
    assertThat(f.intake.pending(PortalFixtures.TENANT)).isEmpty();
    assertThat(f.told).isEmpty();
  }
}
