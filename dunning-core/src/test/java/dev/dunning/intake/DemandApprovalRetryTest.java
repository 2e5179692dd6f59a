package dev.dunning.intake;

import static dev.dunning.portal.PortalFixtures.validDemand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.portal.PortalFixtures;
import dev.dunning.portal.Upload;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import dev.dunning.testkit.ForwardingDocumentStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An approval cut short (the process dies, a store fails) can be approved again: it opens the one
 * case of the demand, with its note and invoice copies, exactly once.
 */
class DemandApprovalRetryTest {
  private static final Actor CLAIRE = Actor.manager("claire");

  /** Stands for the process dying: no cleanup code catches it. */
  private static final class Crash extends Error {
    Crash() {
      super("the process died here");
    }
  }

  /** Demands in memory; the first write of {@code status} crashes, when {@code armed}. */
  private static final class CrashingDemandStore implements DemandStore {
    private final InMemoryDemandStore target = new InMemoryDemandStore();
    private final DemandStatus status;
    private final AtomicBoolean armed = new AtomicBoolean(true);

    CrashingDemandStore(DemandStatus status) {
      this.status = status;
    }

    @Override
    public void create(StoredDemand demand) {
      target.create(demand);
    }

    @Override
    public Optional<StoredDemand> find(String demandId) {
      return target.find(demandId);
    }

    @Override
    public boolean replace(StoredDemand next) {
      if (next.status() == status && armed.getAndSet(false)) {
        throw new Crash();
      }
      return target.replace(next);
    }

    @Override
    public List<StoredDemand> list(String tenantId, DemandStatus s) {
      return target.list(tenantId, s);
    }
  }

  /** Documents in memory; the first put fails (after storing, if {@code crashAfterStoring}) while armed. */
  private static DocumentStore failingFirstPut(DocumentStore target, boolean crashAfterStoring) {
    AtomicBoolean armed = new AtomicBoolean(true);
    return new ForwardingDocumentStore(target) {
      @Override
      public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
        if (!armed.getAndSet(false)) {
          return super.put(caseId, kind, document, metadata);
        }
        if (crashAfterStoring) {
          super.put(caseId, kind, document, metadata);
          throw new Crash();
        }
        throw new IllegalStateException("document store unavailable");
      }
    };
  }

  private static Demand withCopy() {
    Demand valid = validDemand().build();
    return Demand.builder().requester(valid.requester()).tenant(PortalFixtures.TENANT).debtor(valid.debtor())
        .invoice(valid.invoices().get(0).withCopy(new Upload("facture.pdf", PortalFixtures.pdf(512)))).build();
  }

  private static void assertOneCaseWithItsNoteAndCopy(PortalFixtures f, StoredDemand approved) {
    assertThat(approved.status()).isEqualTo(DemandStatus.APPROVED);
    assertThat(f.engine.query(CaseQuery.all())).singleElement()
        .satisfies(c -> assertThat(c.id()).isEqualTo(approved.caseId()));
    assertThat(f.events(approved.caseId(), EventType.NOTE)).hasSize(1);
    assertThat(f.events(approved.caseId(), EventType.DOCUMENT_STORED)).hasSize(1);
    assertThat(f.documents.list(approved.caseId())).singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(DocumentKind.INVOICE_COPY));
    assertThat(f.told).filteredOn(t -> t.startsWith("approved ")).hasSize(1);
  }

  @Test
  void an_approval_that_died_after_opening_the_case_is_finished_by_approving_again() {
    CrashingDemandStore demands = new CrashingDemandStore(DemandStatus.APPROVED);
    PortalFixtures f = new PortalFixtures(b -> b.store(demands));
    StoredDemand d = f.intake.submit(withCopy());

    assertThatThrownBy(() -> f.intake.approve(d.id(), CLAIRE)).isInstanceOf(Crash.class);
    StoredDemand interrupted = f.intake.find(d.id()).orElseThrow();
    assertThat(interrupted.status()).isEqualTo(DemandStatus.APPROVING);
    assertThat(f.engine.find(interrupted.caseId())).isPresent();
    assertThat(f.intake.pending(PortalFixtures.TENANT)).extracting(StoredDemand::id).containsExactly(d.id());
    assertThatThrownBy(() -> f.intake.reject(d.id(), "no", CLAIRE)).hasMessageContaining("approve it again");

    StoredDemand approved = f.intake.approve(d.id(), CLAIRE);
    assertThat(approved.caseId()).isEqualTo(interrupted.caseId());
    assertOneCaseWithItsNoteAndCopy(f, approved);
  }

  @Test
  void an_approval_that_died_after_storing_the_copies_reuses_them() {
    PortalFixtures f = new PortalFixtures((fixtures, b) -> b.documentStore(failingFirstPut(fixtures.documents, true)));
    StoredDemand d = f.intake.submit(withCopy());

    assertThatThrownBy(() -> f.intake.approve(d.id(), CLAIRE)).isInstanceOf(Crash.class);
    assertThat(f.engine.query(CaseQuery.all())).isEmpty();

    assertOneCaseWithItsNoteAndCopy(f, f.intake.approve(d.id(), CLAIRE));
  }

  @Test
  void a_copy_that_cannot_be_stored_opens_no_case_keeps_nothing_and_the_demand_waits_again() {
    PortalFixtures f = new PortalFixtures((fixtures, b) -> b.documentStore(failingFirstPut(fixtures.documents, false)));
    StoredDemand d = f.intake.submit(withCopy());

    assertThatThrownBy(() -> f.intake.approve(d.id(), CLAIRE)).hasMessageContaining("document store unavailable");
    assertThat(f.engine.query(CaseQuery.all())).isEmpty();
    assertThat(f.intake.find(d.id()).orElseThrow().status()).isEqualTo(DemandStatus.PENDING);

    assertOneCaseWithItsNoteAndCopy(f, f.intake.approve(d.id(), CLAIRE));
  }
}
