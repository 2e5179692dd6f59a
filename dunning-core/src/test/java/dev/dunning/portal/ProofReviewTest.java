package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.spi.OutboundMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProofReviewTest {
  private static final Actor CLAIRE = Actor.manager("claire");
  private final PortalFixtures f = new PortalFixtures();
  private RecoveryCase c;
  private String token;

  @BeforeEach
  void uploadProof() {
    c = f.openCase();
    token = f.tokenOf(c.id());
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("virement.pdf", PortalFixtures.pdf(500)));
  }

  @Test
  void an_accepted_proof_records_the_balance_as_paid_and_closes_the_case() {
    f.clock.advance(Duration.ofDays(2));
    RecoveryCase closed = f.review.acceptProof(c.id(), "matches bank statement of 3 March", CLAIRE);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo(Resolution.PAID);
    assertThat(closed.balance().isZero()).isTrue();
    assertThat(f.engine.timeline(c.id())).filteredOn(e -> e.actor().equals(CLAIRE)).extracting(e -> e.type())
        .containsExactly(EventType.PROOF_ACCEPTED, EventType.PAYMENT_RECORDED, EventType.CLOSED);
  }

  @Test
  void a_rejected_proof_resumes_with_a_fresh_deadline_and_tells_the_debtor_why() {
    f.clock.advance(Duration.ofDays(5));
    RecoveryCase resumed = f.review.rejectProof(c.id(), "the transfer shown is to another creditor", CLAIRE);

    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(resumed.stageId()).isEqualTo("reminder1");
    assertThat(resumed.stageAttempt()).isEqualTo(2);
    assertThat(resumed.deadline()).isAfter(c.deadline()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(f.events(c.id(), EventType.PROOF_REJECTED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(CLAIRE);
      assertThat(e.detail()).isEqualTo("the transfer shown is to another creditor");
    });
    assertThat(f.told).containsExactly("proof rejected " + c.id() + ": the transfer shown is to another creditor");

    f.engine.tick();
    List<OutboundMessage> sent = f.channel(ChannelType.EMAIL).sentFor(c.id());
    OutboundMessage again = sent.get(sent.size() - 1);
    assertThat(again.message().stageAttempt()).isEqualTo(2);
    assertThat(again.message().deadline()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(again.portalLink()).isNotNull().isNotEqualTo(sent.get(0).portalLink());
  }

  @Test
  void a_rejection_needs_a_reason_and_changes_nothing_without_one() {
    assertThatThrownBy(() -> f.review.rejectProof(c.id(), null, CLAIRE)).hasMessageContaining("reason");
    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.PROOF_UNDER_REVIEW);
    assertThat(f.events(c.id(), EventType.PROOF_REJECTED)).isEmpty();
  }

  @Test
  void nothing_can_be_decided_on_a_case_without_a_proof_under_review() {
    f.review.acceptProof(c.id(), "", CLAIRE);
    assertThatThrownBy(() -> f.review.acceptProof(c.id(), "", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not awaiting a decision on proof_under_review");
    assertThatThrownBy(() -> f.review.rejectProof("no-such-case", "x", CLAIRE))
        .isInstanceOf(dev.dunning.spi.CaseNotFoundException.class);
  }
}
