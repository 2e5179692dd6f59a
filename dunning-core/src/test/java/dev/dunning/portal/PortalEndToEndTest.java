package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.intake.StoredDemand;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.Origin;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.spi.OutboundMessage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PortalEndToEndTest {
  private final PortalFixtures f = new PortalFixtures();

  @Test
  void demand_to_paid_through_the_portal() {
    // a colleague files a demand, a manager approves it
    StoredDemand demand = f.intake.submit(PortalFixtures.validDemand().build());
    String caseId = f.intake.approve(demand.id(), Actor.manager("claire")).caseId();
    assertThat(f.current(caseId).origin()).isEqualTo(Origin.DEMAND);

    // the first reminder goes out by e-mail with a portal link
    f.engine.tick();
    OutboundMessage reminder = f.channel(ChannelType.EMAIL).sentFor(caseId).get(0);
    assertThat(reminder.stage().id()).isEqualTo("reminder1");
    assertThat(reminder.portalLink().toString()).startsWith("https://pay.example/p/");
    String token = f.tokenOf(caseId);

    // the debtor opens the page
    PortalView view = f.portal.view(PortalFixtures.TENANT, token);
    assertThat(view.creditorName()).isEqualTo("Acme SA");
    assertThat(view.contactEmail()).isEqualTo("billing@acme.example");
    assertThat(view.debtorName()).isEqualTo("Dupont SPRL");
    assertThat(view.claims()).extracting(c -> c.invoiceNumber()).containsExactly("INV-2026-001");
    assertThat(view.balance()).isEqualTo(Money.of("1200.00", "EUR"));
    assertThat(view.fees()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(view.deadline()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(view.payment()).isEqualTo(new PaymentInstructions("Acme SA", "BE71 0961 2345 6769", "GEBABEBB",
        Money.of("1200.00", "EUR"), "INV-2026-001"));
    assertThat(view.actions()).containsExactlyInAnyOrder(PortalAction.values());

    // uploads a proof of payment: escalation pauses
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("virement.pdf", PortalFixtures.pdf(4096)));
    assertThat(f.current(caseId).status()).isEqualTo(CaseStatus.ON_HOLD);
    f.clock.advanceDays(30);
    f.engine.tick();
    assertThat(f.channel(ChannelType.EMAIL).sentFor(caseId)).hasSize(1);

    // the manager accepts it: paid, closed, and the link is dead
    RecoveryCase closed = f.review.acceptProof(caseId, "seen on the bank statement", Actor.manager("claire"));
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo(Resolution.PAID);
    assertThatThrownBy(() -> f.portal.view(PortalFixtures.TENANT, token)).isInstanceOf(InvalidPortalLinkException.class)
        .hasMessage(InvalidPortalLinkException.MESSAGE);

    // the timeline tells the whole story, each step with its actor
    assertThat(f.engine.timeline(caseId)).extracting(e -> e.type() + " by " + e.actor().kind().code())
        .contains("OPENED by manager", "NOTE by colleague", "STAGE_ENTERED by system", "MESSAGE_SENT by system",
            "PROOF_SUBMITTED by debtor", "HELD by debtor", "PROOF_ACCEPTED by manager", "CLOSED by manager");
    assertThat(f.events(caseId, EventType.PROOF_SUBMITTED).get(0).actor()).isEqualTo(PortalService.DEBTOR);
  }

  @Test
  void the_reference_is_the_case_id_when_claims_have_different_references() {
    RecoveryCase c = f.engine.open(dev.dunning.NewCase.builder(PortalFixtures.TENANT, PortalFixtures.debtor())
        .claim(dev.dunning.model.Claim.of("A-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), Money.of("10.00", "EUR"), "A-1"))
        .claim(dev.dunning.model.Claim.of("A-2", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), Money.of("20.00", "EUR"), "A-2"))
        .build());
    f.engine.tick();
    PortalView view = f.portal.view(PortalFixtures.TENANT, f.tokenOf(c.id()));
    assertThat(view.payment().reference()).isEqualTo(c.id());
    assertThat(view.payment().amount()).isEqualTo(Money.of("30.00", "EUR"));
  }
}
