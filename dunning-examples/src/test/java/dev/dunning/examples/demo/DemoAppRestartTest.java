package dev.dunning.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.Requester;
import dev.dunning.intake.StoredDemand;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.HoldReason;
import dev.dunning.model.PostalAddress;
import dev.dunning.portal.PlanStatus;
import dev.dunning.spi.CaseQuery;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo keeps its cases, letters, pending demands, payment plans and simulated time in its data
 * folder across restarts.
 */
class DemoAppRestartTest {

  @Test
  void a_restart_on_the_same_data_folder_seeds_nothing_twice_and_keeps_the_cases_and_the_clock(@TempDir Path dir)
      throws Exception {
    DemoConfig config = new DemoConfig(0, dir, Duration.ZERO, Clock.systemUTC());
    try (DemoApp first = DemoApp.start(config)) {
      first.services().tick();
      first.services().advanceDays(3);
    }

    try (DemoApp second = DemoApp.start(config)) {
      var cases = second.services().engine().query(CaseQuery.all().tenant(DemoSeed.TENANT));
      assertThat(cases).hasSize(12);
      assertThat(cases).filteredOn(c -> "reminder1".equals(c.stageId())).hasSize(10);
      assertThat(second.services().clock().offset()).isEqualTo(Duration.ofDays(3));
      assertThat(second.mailbox().all()).as("the mailbox lives in memory").isEmpty();
    }
  }

  @Test
  void pending_demands_and_plan_requests_survive_a_restart_and_the_desk_still_decides_them(@TempDir Path dir) {
    DemoServerFixture first = DemoServerFixture.start(dir);
    DemoServerFixture second = null;
    try {
      first.tick();
      requestPlan(first, "accounts@garage-lemaire-sa.example");
      requestPlan(first, "accounts@drukkerij-jacobs-nv.example");
      assertThat(first.caseOf("DEMO-07").hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN_REQUESTED);
      StoredDemand demand = first.app.services().intake().submit(demand(first.today()));

      second = first.restart();
      WebSession desk = new WebSession(second);
      assertThat(second.app.services().intake().pending(DemoSeed.TENANT)).extracting(StoredDemand::id)
          .containsExactly(demand.id());
      assertThat(desk.get("/desk").body()).contains("Boulangerie Petit SARL");
      assertThat(second.app.services().plans().find("DEMO-07")).hasValueSatisfying(plan -> {
        assertThat(plan.status()).isEqualTo(PlanStatus.REQUESTED);
        assertThat(plan.instalments()).hasSize(3);
      });
      assertThat(desk.get("/desk/cases/DEMO-07").body()).contains("3 monthly from", "Resume escalation")
          .doesNotContain("cannot be found");
      HttpResponse<String> resumed = desk.post("/desk/cases/DEMO-07/resume", "reason", "we will call them instead");
      assertThat(resumed.statusCode()).isEqualTo(303);
      assertThat(desk.follow(resumed).body()).contains("Escalation resumed");
      assertThat(second.caseOf("DEMO-07").status()).isEqualTo(CaseStatus.OPEN);

      HttpResponse<String> declined = desk.post("/desk/cases/DEMO-08/decline-plan", "reason", "please call us");
      assertThat(declined.statusCode()).isEqualTo(303);
      assertThat(second.caseOf("DEMO-08").status()).isEqualTo(CaseStatus.OPEN);
      assertThat(second.app.services().plans().find("DEMO-08")).hasValueSatisfying(plan ->
          assertThat(plan.status()).isEqualTo(PlanStatus.DECLINED));

      StoredDemand approved = second.app.services().intake().approve(demand.id(), Actor.manager("desk"));
      assertThat(second.caseOf(approved.caseId()).debtor().name()).isEqualTo("Boulangerie Petit SARL");
    } finally {
      (second != null ? second : first).close();
    }
  }

  /** A valid demand a colleague could have typed into the demo's form. */
  private static Demand demand(LocalDate today) {
    return Demand.builder()
        .requester(new Requester("Marie Curie", "marie.curie@acme.example", ""))
        .tenant(DemoSeed.TENANT)
        .debtor(DemandDebtor.builder("Boulangerie Petit SARL").kind(DebtorKind.B2B)
            .legalId("FR_SIRET", "73282932000074")
            .address(PostalAddress.of("5 rue du Bac", "75007", "Paris", "FR"))
            .email("compta@boulangerie-petit.example").language("fr-FR").build())
        .invoice(DemandInvoice.of("F-2026-0042", today.minusDays(40), today.minusDays(10), "1234.56", "EUR"))
        .build();
  }

  private static void requestPlan(DemoServerFixture demo, String recipient) {
    URI link = demo.portalLinkSentTo(recipient);
    demo.app.services().portal().requestPaymentPlan(DemoSeed.TENANT, DemoServerFixture.tokenOf(link), 3,
        demo.today().plusDays(10), "");
  }
}
