package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.Resolution;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import dev.dunning.testkit.ForwardingDocumentStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Nothing is kept for a portal action that did not happen: when a payment closes the case while
 * an upload is being stored, or storing one of several documents fails, what was stored is removed.
 */
class UploadRaceTest extends CaseWithPortalLink {
  private static final Actor BANK = Actor.host("bank import");

  /** The fixture's store, but the case is paid in full while the {@code n}-th document is being stored. */
  private DocumentStore payingDuringPut(int n) {
    return new ForwardingDocumentStore(f.documents) {
      private int puts;

      @Override
      public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
        StoredDocument stored = super.put(caseId, kind, document, metadata);
        if (++puts == n) {
          f.engine.recordPayment(caseId, f.current(caseId).balance(), "transfer", BANK);
        }
        return stored;
      }
    };
  }

  private void assertClosedMeanwhile(Runnable action) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(PortalRequestException.class, e -> {
      assertThat(e.field()).isEqualTo("action");
      assertThat(e.code()).isEqualTo("action.not_allowed");
      assertThat(e.getMessage()).contains("closed meanwhile");
    });
    assertThat(f.documents.list(c.id())).isEmpty();
    assertThat(f.current(c.id()).resolution()).isEqualTo(Resolution.PAID);
  }

  @Test
  void a_proof_stored_while_a_payment_closes_the_case_is_removed_and_the_debtor_told() {
    PortalService racing = f.portalWith(payingDuringPut(1), f.plans);
    assertClosedMeanwhile(() -> racing.uploadProof(PortalFixtures.TENANT, token,
        new Upload("virement.pdf", PortalFixtures.pdf(300))));
    assertThat(f.events(c.id(), EventType.PROOF_SUBMITTED)).isEmpty();
  }

  @Test
  void dispute_documents_stored_while_a_payment_closes_the_case_are_all_removed() {
    PortalService racing = f.portalWith(payingDuringPut(1), f.plans);
    assertClosedMeanwhile(() -> racing.dispute(PortalFixtures.TENANT, token, "broken",
        List.of(new Upload("a.pdf", PortalFixtures.pdf(100)), new Upload("b.png", PortalFixtures.png()))));
    assertThat(f.events(c.id(), EventType.DISPUTE_OPENED)).isEmpty();
  }

  @Test
  void when_the_second_dispute_document_cannot_be_stored_the_first_is_removed() {
    DocumentStore failingSecond = new ForwardingDocumentStore(f.documents) {
      private int puts;

      @Override
      public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
        if (++puts == 2) {
          throw new IllegalStateException("disk full");
        }
        return super.put(caseId, kind, document, metadata);
      }
    };
    assertThatThrownBy(() -> f.portalWith(failingSecond, f.plans).dispute(PortalFixtures.TENANT, token, "broken",
        List.of(new Upload("a.pdf", PortalFixtures.pdf(100)), new Upload("b.png", PortalFixtures.png()))))
        .hasMessageContaining("disk full");
    assertThat(f.documents.list(c.id())).isEmpty();
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void a_plan_request_racing_a_payment_leaves_no_plan_behind() {
    PaymentPlans racingPlans = new PaymentPlans(new PaymentPlanStore() {
      @Override
      public void save(PaymentPlan plan) {
        f.planStore.save(plan);
        f.engine.recordPayment(plan.caseId(), f.current(plan.caseId()).balance(), "transfer", BANK);
      }

      @Override
      public Optional<PaymentPlan> find(String caseId) {
        return f.planStore.find(caseId);
      }

      @Override
      public void delete(String caseId) {
        f.planStore.delete(caseId);
      }
    });
    assertClosedMeanwhile(() -> f.portalWith(f.documents, racingPlans).requestPaymentPlan(PortalFixtures.TENANT,
        token, 3, PortalFixtures.TODAY.plusDays(10), ""));
    assertThat(f.planStore.find(c.id())).isEmpty();
  }
}
