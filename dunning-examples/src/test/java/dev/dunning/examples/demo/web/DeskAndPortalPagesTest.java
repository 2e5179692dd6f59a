package dev.dunning.examples.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.examples.demo.DemoServerFixture;
import dev.dunning.examples.demo.Mailbox;
import dev.dunning.examples.demo.WebSession;
import dev.dunning.examples.demo.WebSession.FilePart;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.spi.DocumentKind;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's forms and the desk's decisions over HTTP, as a browser posts them: one demo server
 * after its first tick, each test on a seeded case of its own.
 */
class DeskAndPortalPagesTest {
  private static final byte[] PDF = "%PDF-1.4\n% scan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
  private static DemoServerFixture demo;

  @BeforeAll
  static void start() {
    demo = DemoServerFixture.start();
    demo.tick();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  /** A debtor's browser on the portal page of the link e-mailed to {@code recipient}. */
  private static WebSession debtorOn(String recipient, StringBuilder portalPage) {
    WebSession debtor = new WebSession(demo);
    portalPage.append(demo.portalLinkSentTo(recipient));
    assertThat(debtor.get(portalPage.toString()).statusCode()).isEqualTo(200);
    return debtor;
  }

  /** A manager's browser on a case page, posting one of its decisions; returns the page it lands on. */
  private static String decide(String caseId, String action, String... fields) {
    WebSession manager = new WebSession(demo);
    manager.get("/desk/cases/" + caseId);
    HttpResponse<String> done = manager.post("/desk/cases/" + caseId + "/" + action, fields);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    return manager.follow(done).body();
  }

  @Test
  void a_dispute_with_two_files_holds_the_case_and_lists_both_files_on_the_desk() {
    StringBuilder page = new StringBuilder();
    WebSession debtor = debtorOn("accounts@debtor-6.example", page);
    HttpResponse<String> sent = debtor.postMultipart(page + "/dispute",
        List.of(new FilePart("documents", "delivery note.pdf", PDF), new FilePart("documents", "photo.png", PNG)),
        "reason", "Half of the order never arrived.");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(debtor.follow(sent).body()).contains("Your dispute was received");
    assertThat(demo.caseOf("DEMO-06").hold().reason()).isEqualTo(HoldReason.DISPUTE);
    assertThat(demo.app.services().documents().list("DEMO-06")).extracting(d -> d.kind())
        .containsExactly(DocumentKind.DISPUTE_EVIDENCE, DocumentKind.DISPUTE_EVIDENCE);
    assertThat(new WebSession(demo).get("/desk/cases/DEMO-06").body())
        .contains("The debtor disputes the claim", "dispute-evidence-", "Half of the order never arrived.");

    // a proof sent meanwhile keeps the dispute, and the desk offers to decide on both
    debtor.get(page.toString());
    debtor.postMultipart(page + "/proof", List.of(new FilePart("file", "transfer.pdf", PDF)));
    assertThat(demo.caseOf("DEMO-06").hold().reason()).isEqualTo(HoldReason.DISPUTE);
    assertThat(new WebSession(demo).get("/desk/cases/DEMO-06").body())
        .contains("The debtor disputes the claim", "id=\"accept-proof\"", "rejecting it keeps the other pause");
  }

  @Test
  void a_plan_the_debtor_asks_for_is_approved_on_the_desk() {
    StringBuilder page = new StringBuilder();
    WebSession debtor = debtorOn("accounts@garage-lemaire-sa.example", page);
    HttpResponse<String> asked = debtor.post(page + "/plan", "instalments", "3",
        "firstDate", demo.today().plusDays(10).toString(), "note", "slow season");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
    assertThat(new WebSession(demo).get("/desk/cases/DEMO-07").body())
        .contains("asks to pay in instalments: 3 monthly from " + demo.today().plusDays(10), "slow season");

    assertThat(decide("DEMO-07", "approve-plan", "note", "ok for three months")).contains("Instalment plan approved");
    assertThat(demo.caseOf("DEMO-07").hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN);
    assertThat(debtor.get(page.toString()).body()).contains("Instalments (active)");
    assertThat(mailTo("accounts@garage-lemaire-sa.example").subject()).startsWith("Your request for instalments");
  }

  @Test
  void a_rejected_proof_tells_the_debtor_why_and_the_reminder_goes_out_again() {
    StringBuilder page = new StringBuilder();
    WebSession debtor = debtorOn("accounts@drukkerij-jacobs-nv.example", page);
    HttpResponse<String> sent = debtor.postMultipart(page + "/proof", List.of(new FilePart("file", "betaling.pdf", PDF)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(demo.caseOf("DEMO-08").hold().reason()).isEqualTo(HoldReason.PROOF_UNDER_REVIEW);

    assertThat(decide("DEMO-08", "reject-proof", "reason", "the transfer shown is to another supplier"))
        .contains("Proof rejected");
    RecoveryCase resumed = demo.caseOf("DEMO-08");
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(resumed.stageAttempt()).isEqualTo(2);
    Mailbox.Mail told = mailTo("accounts@drukkerij-jacobs-nv.example");
    assertThat(told.subject()).startsWith("Your proof of payment was not accepted");
    assertThat(told.text()).contains("the transfer shown is to another supplier");

    int mails = demo.app.mailbox().all().size();
    demo.tick();
    assertThat(demo.app.mailbox().all()).hasSize(mails + 1);
    assertThat(mailTo("accounts@drukkerij-jacobs-nv.example").subject()).contains("INV-");
  }

  @Test
  void a_payment_recorded_on_the_desk_closes_the_case_when_it_settles_the_balance() {
    RecoveryCase before = demo.caseOf("DEMO-09");
    String page = decide("DEMO-09", "payment", "amount", before.balance().amount().toPlainString(),
        "reference", "bank statement 42");

    assertThat(page).contains("Payment recorded", "closed / paid");
    RecoveryCase after = demo.caseOf("DEMO-09");
    assertThat(after.resolution()).isEqualTo(Resolution.PAID);
    assertThat(after.balance().isZero()).isTrue();
  }

  /** The newest e-mail to {@code recipient}. */
  private static Mailbox.Mail mailTo(String recipient) {
    return demo.app.mailbox().all().stream().filter(m -> m.to().contains(recipient)).findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail to " + recipient));
  }
}
