package dev.dunning.intake;

import static dev.dunning.portal.PortalFixtures.validDemand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.Origin;
import dev.dunning.model.RecoveryCase;
import dev.dunning.portal.PortalFixtures;
import dev.dunning.portal.Upload;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.StoredDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandLifecycleTest {
  private static final Actor CLAIRE = Actor.manager("claire");
  private final PortalFixtures f = new PortalFixtures();

  @Test
  void a_valid_demand_waits_for_a_manager() {
    StoredDemand d = f.intake.submit(validDemand().build());
    assertThat(d.status()).isEqualTo(DemandStatus.PENDING);
    assertThat(f.intake.pending(PortalFixtures.TENANT)).containsExactly(d);
    assertThat(f.engine.query(dev.dunning.spi.CaseQuery.all())).isEmpty();
    assertThat(f.told).containsExactly("submitted " + d.id());
  }

  @Test
  void approval_opens_a_demand_case_with_normalised_debtor_and_tells_the_requester() {
    StoredDemand d = f.intake.submit(validDemand().build());
    StoredDemand approved = f.intake.approve(d.id(), CLAIRE);

    assertThat(approved.status()).isEqualTo(DemandStatus.APPROVED);
    assertThat(approved.decidedBy()).isEqualTo(CLAIRE);
    RecoveryCase c = f.current(approved.caseId());
    assertThat(c.origin()).isEqualTo(Origin.DEMAND);
    assertThat(c.tenantId()).isEqualTo(PortalFixtures.TENANT);
    assertThat(c.balance()).isEqualTo(Money.of("1200.00", "EUR"));
    assertThat(c.debtor().id()).isEqualTo("BE_ENTERPRISE:0403091220");
    assertThat(c.debtor().legalIds()).singleElement().satisfies(id -> assertThat(id.value()).isEqualTo("0403091220"));
    assertThat(c.debtor().phone()).isEqualTo("+3221234567");
    assertThat(c.debtor().locale().toLanguageTag()).isEqualTo("fr-BE");
    assertThat(f.engine.timeline(c.id())).extracting(e -> e.type(), e -> e.actor())
        .startsWith(org.assertj.core.api.Assertions.tuple(EventType.OPENED, CLAIRE),
            org.assertj.core.api.Assertions.tuple(EventType.NOTE, Actor.colleague("Marie Curie")));
    assertThat(f.events(c.id(), EventType.NOTE).get(0).detail())
        .contains("marie.curie@acme.example", "Sales Benelux", "stopped answering", "BE71 0961 2345 6769");
    assertThat(f.told).containsExactly("submitted " + d.id(), "approved " + d.id() + " as " + c.id()
        + " to marie.curie@acme.example");
    assertThat(f.intake.pending(PortalFixtures.TENANT)).isEmpty();
  }

  @Test
  void invoice_copies_are_stored_and_attached_to_the_first_reminder() {
    byte[] pdf = PortalFixtures.pdf(2048);
    Demand demand = Demand.builder().requester(validDemand().build().requester()).tenant(PortalFixtures.TENANT)
        .debtor(validDemand().build().debtor())
        .invoice(validDemand().build().invoices().get(0).withCopy(new Upload("Facture 2026-001 (copie).pdf", pdf)))
        .build();
    String caseId = f.intake.approve(f.intake.submit(demand).id(), CLAIRE).caseId();

    List<StoredDocument> docs = f.documents.list(caseId);
    assertThat(docs).singleElement().satisfies(doc -> {
      assertThat(doc.kind()).isEqualTo(DocumentKind.INVOICE_COPY);
      assertThat(doc.filename()).isEqualTo("invoice-INV-2026-001.pdf");
      assertThat(doc.metadata()).containsEntry("originalFilename", "Facture 2026-001 (copie).pdf");
    });
    assertThat(f.events(caseId, EventType.DOCUMENT_STORED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.colleague("Marie Curie")));

    f.engine.tick();
    OutboundMessage reminder = f.channel(ChannelType.EMAIL).sentFor(caseId).get(0);
    assertThat(reminder.attachments()).singleElement().satisfies(a -> assertThat(a.content()).isEqualTo(pdf));
  }

  @Test
  void rejection_needs_a_reason_and_tells_the_requester() {
    StoredDemand d = f.intake.submit(validDemand().build());
    assertThatThrownBy(() -> f.intake.reject(d.id(), " ", CLAIRE)).hasMessageContaining("reason");
    StoredDemand rejected = f.intake.reject(d.id(), "already handed to our lawyer", CLAIRE);
    assertThat(rejected.status()).isEqualTo(DemandStatus.REJECTED);
    assertThat(f.told).contains("rejected " + d.id() + ": already handed to our lawyer");
    assertThat(f.engine.query(dev.dunning.spi.CaseQuery.all())).isEmpty();
  }

  @Test
  void a_decided_demand_cannot_be_decided_again() {
    StoredDemand d = f.intake.submit(validDemand().build());
    f.intake.approve(d.id(), CLAIRE);
    assertThatThrownBy(() -> f.intake.approve(d.id(), Actor.manager("bob")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already approved");
    assertThatThrownBy(() -> f.intake.reject(d.id(), "no", Actor.manager("bob")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(f.engine.query(dev.dunning.spi.CaseQuery.all())).hasSize(1);
  }

  @Test
  void the_same_invoice_cannot_wait_in_two_demands() {
    StoredDemand first = f.intake.submit(validDemand().build());
    assertThatThrownBy(() -> f.intake.submit(validDemand().build()))
        .isInstanceOfSatisfying(InvalidDemandException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.code()).isEqualTo("invoice.pending_demand");
              assertThat(p.message()).contains(first.id());
            }));
  }

  @Test
  void approval_checks_again_and_refuses_an_invoice_opened_meanwhile() {
    StoredDemand d = f.intake.submit(validDemand().build());
    String opened = f.openCase().id(); // a manager opened a case by hand in the meantime
    assertThatThrownBy(() -> f.intake.approve(d.id(), CLAIRE))
        .isInstanceOfSatisfying(InvalidDemandException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).contains(opened)));
    assertThat(f.intake.find(d.id()).orElseThrow().status()).isEqualTo(DemandStatus.PENDING);
    assertThat(f.engine.query(dev.dunning.spi.CaseQuery.all())).hasSize(1);
  }

  @Test
  void small_demands_are_approved_at_submission_by_policy() {
    PortalFixtures auto = new PortalFixtures(b -> b.autoApprove(AutoApprovePolicy.totalAtMost(Money.of("1500", "EUR"))));
    StoredDemand small = auto.intake.submit(validDemand().build());
    assertThat(small.status()).isEqualTo(DemandStatus.APPROVED);
    assertThat(small.decidedBy()).isEqualTo(IntakeService.AUTO_APPROVAL);
    assertThat(auto.current(small.caseId()).origin()).isEqualTo(Origin.DEMAND);

    Demand big = Demand.builder().requester(validDemand().build().requester()).tenant(PortalFixtures.TENANT)
        .debtor(validDemand().build().debtor())
        .invoice(DemandInvoice.of("INV-2026-002", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 20), "1500.01", "EUR"))
        .build();
    assertThat(auto.intake.submit(big).status()).isEqualTo(DemandStatus.PENDING);
  }
}
