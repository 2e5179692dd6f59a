package dev.dunning.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.HoldReason;
import dev.dunning.spi.CaseQuery;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo keeps its cases, letters and simulated time in its data folder across restarts. */
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
  void plan_requests_lost_in_a_restart_leave_cases_the_desk_can_resume_or_decline(@TempDir Path dir) {
    DemoServerFixture first = DemoServerFixture.start(dir);
    DemoServerFixture second = null;
    try {
      first.tick();
      requestPlan(first, "accounts@garage-lemaire-sa.example");
      requestPlan(first, "accounts@drukkerij-jacobs-nv.example");
      assertThat(first.caseOf("DEMO-07").hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN_REQUESTED);

      second = first.restart();
      WebSession desk = new WebSession(second);
      assertThat(desk.get("/desk/cases/DEMO-07").body()).contains("the request itself was lost", "Resume escalation");
      HttpResponse<String> resumed = desk.post("/desk/cases/DEMO-07/resume", "reason", "plan request lost in a restart");
      assertThat(resumed.statusCode()).isEqualTo(303);
      assertThat(desk.follow(resumed).body()).contains("Escalation resumed");
      assertThat(second.caseOf("DEMO-07").status()).isEqualTo(CaseStatus.OPEN);

      HttpResponse<String> declined = desk.post("/desk/cases/DEMO-08/decline-plan", "reason", "please call us");
      assertThat(declined.statusCode()).isEqualTo(303);
      assertThat(second.caseOf("DEMO-08").status()).isEqualTo(CaseStatus.OPEN);
    } finally {
      (second != null ? second : first).close();
    }
  }

  private static void requestPlan(DemoServerFixture demo, String recipient) {
    URI link = demo.portalLinkSentTo(recipient);
    demo.app.services().portal().requestPaymentPlan(DemoSeed.TENANT, DemoServerFixture.tokenOf(link), 3,
        demo.today().plusDays(10), "");
  }
}
