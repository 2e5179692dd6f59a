package dev.dunning.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.Origin;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskSummaryTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  @Test
  void open_balances_fall_into_aging_buckets_per_currency_and_closed_cases_are_left_out() {
    List<RecoveryCase> cases = List.of(
        open("A", claim(-3, "100.00", "EUR")), open("B", claim(0, "50.00", "EUR")),
        open("C", claim(1, "10.00", "EUR"), claim(30, "20.00", "EUR")), open("D", claim(31, "5.00", "GBP")),
        open("E", claim(90, "7.00", "EUR")), open("F", claim(91, "1.00", "EUR")),
        open("G", claim(200, "999.00", "EUR")).toBuilder().status(CaseStatus.CLOSED).resolution(Resolution.PAID).build());

    DeskSummary summary = DeskSummary.of(cases, TODAY);

    assertThat(summary.counts()).containsExactly(entry("not yet due", 2), entry("1–30 days", 2),
        entry("31–60 days", 1), entry("61–90 days", 1), entry("over 90 days", 1));
    assertThat(summary.buckets().get("not yet due")).containsEntry("EUR", Money.of("150.00", "EUR"));
    assertThat(summary.buckets().get("1–30 days")).containsEntry("EUR", Money.of("30.00", "EUR"));
    assertThat(summary.buckets().get("31–60 days")).containsOnlyKeys("GBP");
    assertThat(summary.invoices()).extracting(DeskSummary.LateInvoice::daysLate).containsExactly(91L, 90L, 31L, 30L,
        1L, 0L, -3L);
  }

  private static java.util.Map.Entry<String, Integer> entry(String k, int v) {
    return java.util.Map.entry(k, v);
  }

  private static Claim claim(int daysLate, String amount, String currency) {
    LocalDate due = TODAY.minusDays(daysLate);
    return Claim.of("INV-" + daysLate, due.minusDays(30), due, Money.of(amount, currency), "ref");
  }

  private static RecoveryCase open(String id, Claim... claims) {
    return new RecoveryCase.Builder().id(id).tenantId("acme").playbookId("default")
        .debtor(Debtor.builder("D-" + id, "Debtor " + id).build()).claims(List.of(claims)).origin(Origin.MANAGER)
        .status(CaseStatus.OPEN).openedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
  }
}
