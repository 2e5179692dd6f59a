package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import org.junit.jupiter.api.Test;

/** A proof of payment sent while another decision is pending never ends that decision silently. */
class ProofDuringOtherHoldTest extends CaseWithPortalLink {
  private static final Actor CLAIRE = Actor.manager("claire");

  private void sendProof() {
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("virement.pdf", PortalFixtures.pdf(200)));
  }

  @Test
  void a_proof_during_a_dispute_keeps_the_dispute_and_the_dispute_can_still_be_rejected() {
    f.portal.dispute(PortalFixtures.TENANT, token, "the pallets arrived broken", null);
    sendProof();

    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.DISPUTE);
    assertThat(f.events(c.id(), EventType.PROOF_SUBMITTED)).hasSize(1);
    assertThat(f.review.proofAwaitingDecision(c.id())).isTrue();
    RecoveryCase resumed = f.review.resolveDispute(c.id(), DisputeOutcome.REJECTED, "delivery note signed", CLAIRE);
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void a_proof_during_a_plan_request_keeps_the_request_and_the_plan_can_still_be_approved() {
    f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, PortalFixtures.TODAY.plusDays(10), "");
    sendProof();

    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN_REQUESTED);
    RecoveryCase held = f.review.approvePlan(c.id(), "ok", CLAIRE);
    assertThat(held.hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN);
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void a_proof_accepted_during_a_dispute_closes_the_case_as_paid() {
    f.portal.dispute(PortalFixtures.TENANT, token, "already paid, see the proof", null);
    sendProof();

    RecoveryCase closed = f.review.acceptProof(c.id(), "transfer found", CLAIRE);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo(Resolution.PAID);
  }

  @Test
  void a_proof_rejected_during_a_dispute_keeps_the_dispute_and_tells_the_debtor() {
    f.portal.dispute(PortalFixtures.TENANT, token, "the pallets arrived broken", null);
    sendProof();

    RecoveryCase after = f.review.rejectProof(c.id(), "the transfer is to another creditor", CLAIRE);
    assertThat(after.status()).isEqualTo(CaseStatus.ON_HOLD);
    assertThat(after.hold().reason()).isEqualTo(HoldReason.DISPUTE);
    assertThat(f.events(c.id(), EventType.PROOF_REJECTED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(CLAIRE));
    assertThat(f.told).containsExactly("proof rejected " + c.id() + ": the transfer is to another creditor");
    assertThat(f.review.proofAwaitingDecision(c.id())).isFalse();
    assertThatThrownBy(() -> f.review.rejectProof(c.id(), "again", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not awaiting a decision on proof_under_review");
  }

  @Test
  void without_a_proof_sent_there_is_no_proof_to_decide_on_during_a_dispute() {
    f.portal.dispute(PortalFixtures.TENANT, token, "never ordered", null);

    assertThat(f.review.proofAwaitingDecision(c.id())).isFalse();
    assertThatThrownBy(() -> f.review.acceptProof(c.id(), "", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not awaiting a decision on proof_under_review");
    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.DISPUTE);
  }

  @Test
  void a_proof_during_a_promise_still_starts_a_review() {
    f.portal.promiseToPay(PortalFixtures.TENANT, token, PortalFixtures.TODAY.plusDays(5));
    sendProof();

    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.PROOF_UNDER_REVIEW);
  }
}
