package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.spi.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisputeTest extends CaseWithPortalLink {
  private static final Actor CLAIRE = Actor.manager("claire");

  @Test
  void a_dispute_with_documents_holds_the_case_until_a_manager_decides() {
    f.portal.dispute(PortalFixtures.TENANT, token, "The pallets arrived broken.",
        List.of(new Upload("photo.jpg", PortalFixtures.jpeg()), new Upload("report.pdf", PortalFixtures.pdf(300))));

    RecoveryCase held = f.current(c.id());
    assertThat(held.hold().reason()).isEqualTo(HoldReason.DISPUTE);
    assertThat(held.hold().until()).isNull();
    assertThat(f.documents.list(c.id())).extracting(d -> d.kind()).containsOnly(DocumentKind.DISPUTE_EVIDENCE).hasSize(2);
    assertThat(f.events(c.id(), EventType.DISPUTE_OPENED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(PortalService.DEBTOR);
      assertThat(e.detail()).contains("pallets arrived broken", "photo.jpg", "report.pdf");
    });
  }

  @Test
  void a_dispute_needs_a_reason_and_one_bad_document_stores_none() {
    assertThatThrownBy(() -> f.portal.dispute(PortalFixtures.TENANT, token, "  ", List.of()))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> assertThat(e.code()).isEqualTo("reason.missing"));
    assertThatThrownBy(() -> f.portal.dispute(PortalFixtures.TENANT, token, "broken",
        List.of(new Upload("ok.pdf", PortalFixtures.pdf(10)), new Upload("evil.pdf", PortalFixtures.html()))))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("documents[1]");
          assertThat(e.code()).isEqualTo("file.type");
        });
    assertThat(f.documents.list(c.id())).isEmpty();
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void an_upheld_dispute_cancels_the_case_and_kills_the_link() {
    f.portal.dispute(PortalFixtures.TENANT, token, "never ordered", null);
    RecoveryCase closed = f.review.resolveDispute(c.id(), DisputeOutcome.UPHELD_CANCEL, "order was never confirmed", CLAIRE);
    assertThat(closed.resolution()).isEqualTo(Resolution.CANCELLED);
    assertThat(f.events(c.id(), EventType.DISPUTE_RESOLVED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(CLAIRE));
    assertThat(f.told).containsExactly("dispute UPHELD_CANCEL " + c.id());
    assertThatThrownBy(() -> f.portal.view(PortalFixtures.TENANT, token)).isInstanceOf(InvalidPortalLinkException.class);
  }

  @Test
  void an_upheld_dispute_may_end_with_a_credit_note() {
    f.portal.dispute(PortalFixtures.TENANT, token, "price was wrong", null);
    assertThat(f.review.resolveDispute(c.id(), DisputeOutcome.UPHELD_CREDIT, "credit note CN-12", CLAIRE).resolution())
        .isEqualTo(Resolution.CREDITED);
  }

  @Test
  void a_rejected_dispute_resumes_escalation() {
    f.portal.dispute(PortalFixtures.TENANT, token, "never ordered", null);
    RecoveryCase resumed = f.review.resolveDispute(c.id(), DisputeOutcome.REJECTED, "signed delivery note on file", CLAIRE);
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(resumed.nextActionAt()).isNotNull();
    assertThat(f.portal.view(PortalFixtures.TENANT, token).actions()).contains(PortalAction.DISPUTE);
  }

  @Test
  void a_manager_cannot_resolve_what_is_not_disputed_nor_without_saying_why() {
    assertThatThrownBy(() -> f.review.resolveDispute(c.id(), DisputeOutcome.REJECTED, "no", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not awaiting a decision on dispute");
    f.portal.dispute(PortalFixtures.TENANT, token, "never ordered", null);
    assertThatThrownBy(() -> f.review.resolveDispute(c.id(), DisputeOutcome.REJECTED, "", CLAIRE))
        .hasMessageContaining("note");
    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.DISPUTE);
  }
}
