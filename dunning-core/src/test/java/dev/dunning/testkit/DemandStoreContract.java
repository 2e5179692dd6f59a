package dev.dunning.testkit;

import static dev.dunning.testkit.CaseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.DemandStatus;
import dev.dunning.intake.DemandStore;
import dev.dunning.intake.Requester;
import dev.dunning.intake.StoredDemand;
import dev.dunning.model.Actor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.PostalAddress;
import dev.dunning.portal.Upload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DemandStore} must meet, as a JUnit 5 suite: extend it and return a
 * fresh, empty store from {@link #createStore()}. The in-memory, H2 and PostgreSQL stores run it.
 *
 * @since 0.1
 */
public abstract class DemandStoreContract {
  protected DemandStore store;

  /** A new, empty store (or one whose tables were emptied). */
  protected abstract DemandStore createStore();

  @BeforeEach
  void freshStore() {
    store = createStore();
  }

  /** A demand with every field filled with something a careless mapping would lose. */
  public static Demand demand(String tenantId) {
    byte[] pdf = "%PDF-1.7 facture – Müller\u0000\u00ff".getBytes(StandardCharsets.UTF_8);
    return Demand.builder()
        .requester(new Requester("Anna Janssens", "anna@acme.example", "Sales – Benelux"))
        .tenant(tenantId)
        .debtor(DemandDebtor.builder("Brasserie Müller & Fils \"Chez Jo\"").kind(DebtorKind.B2B)
            .legalId("BE_ENTERPRISE", "0403.091.220")
            .address(new PostalAddress(List.of("Chaussée de Wavre 1200", "Bâtiment B"), "1160", "Auderghem", "",
                "BE"))
            .email("compta@mueller.example").phone("+32 2 555 01 99").language("fr-BE")
            .timeZone(ZoneId.of("Europe/Brussels")).iban("BE71096123456769").build())
        .invoice(new DemandInvoice("INV-2026-001", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 14),
            new BigDecimal("1234.50"), "EUR", new Upload("facture 001.pdf", pdf)))
        .invoice(DemandInvoice.of("INV-2026-002", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 19), "0.01", "EUR"))
        .comment("Please call before sending a letter.\nSecond line; 'quoted'.")
        .build();
  }

  /** A consumer's demand with every optional field left out. */
  public static Demand sparseDemand(String tenantId) {
    return Demand.builder()
        .requester(new Requester("Bo", "bo@acme.example", null))
        .tenant(tenantId)
        .debtor(DemandDebtor.builder("Jo Peeters").kind(DebtorKind.B2C)
            .address(PostalAddress.of("Kerkstraat 1", "2000", "Antwerpen", "BE")).build())
        .invoice(DemandInvoice.of("9", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "10", "EUR"))
        .build();
  }

  private StoredDemand pending(String id, String tenantId, Instant submittedAt) {
    StoredDemand d = StoredDemand.pending(id, demand(tenantId), submittedAt);
    store.create(d);
    return d;
  }

  private static StoredDemand next(StoredDemand d, DemandStatus status, String caseId, String reason) {
    return new StoredDemand(d.id(), d.demand(), status, d.submittedAt(), T0.plus(Duration.ofHours(2)),
        Actor.manager("marc"), caseId, reason, d.version() + 1);
  }

  @Test
  void aCreatedDemandReadsBackWithEveryField() {
    StoredDemand d = pending("DEM-1", "acme", T0);

    assertThat(store.find("DEM-1")).contains(d);
  }

  @Test
  void aDemandWithoutItsOptionalFieldsReadsBackAsItWasStored() {
    StoredDemand d = StoredDemand.pending("DEM-1", sparseDemand("acme"), T0);
    store.create(d);

    assertThat(store.find("DEM-1")).contains(d);
  }

  @Test
  void anUnknownDemandIsEmpty() {
    assertThat(store.find("DEM-404")).isEmpty();
  }

  @Test
  void aSecondDemandWithTheSameIdIsRefusedAndTheFirstIsUntouched() {
    StoredDemand first = pending("DEM-1", "acme", T0);

    assertThatThrownBy(() -> store.create(StoredDemand.pending("DEM-1", sparseDemand("other"), T0.plusSeconds(1))))
        .isInstanceOf(RuntimeException.class).hasMessageContaining("DEM-1");
    assertThat(store.find("DEM-1")).contains(first);
  }

  @Test
  void aReplaceAtTheNextVersionKeepsTheDecisionAndAStaleOneChangesNothing() {
    StoredDemand d = pending("DEM-1", "acme", T0);
    StoredDemand approving = next(d, DemandStatus.APPROVING, "C-9", "");

    assertThat(store.replace(approving)).isTrue();
    assertThat(store.find("DEM-1")).contains(approving);

    StoredDemand rejectedOnTheOldVersion = next(d, DemandStatus.REJECTED, null, "duplicate of DEM-0");
    assertThat(store.replace(rejectedOnTheOldVersion)).isFalse();
    StoredDemand skipping = next(next(approving, DemandStatus.APPROVED, "C-9", ""), DemandStatus.APPROVED, "C-9", "");
    assertThat(store.replace(skipping)).as("two versions ahead").isFalse();
    assertThat(store.find("DEM-1")).contains(approving);

    StoredDemand approved = next(approving, DemandStatus.APPROVED, "C-9", "");
    assertThat(store.replace(approved)).isTrue();
    assertThat(store.find("DEM-1")).contains(approved);
  }

  @Test
  void aReplaceOfAnUnknownDemandChangesNothing() {
    StoredDemand ghost = next(StoredDemand.pending("DEM-404", demand("acme"), T0), DemandStatus.REJECTED, null, "no");

    assertThat(store.replace(ghost)).isFalse();
    assertThat(store.find("DEM-404")).isEmpty();
  }

  @Test
  void aRejectionKeepsItsReasonAndDecider() {
    StoredDemand d = pending("DEM-1", "acme", T0);
    StoredDemand rejected = next(d, DemandStatus.REJECTED, null, "Déjà payé – voir l'extrait du 3/3");

    store.replace(rejected);

    assertThat(store.find("DEM-1")).contains(rejected);
    assertThat(store.find("DEM-1").orElseThrow().decidedBy()).isEqualTo(Actor.manager("marc"));
  }

  @Test
  void listingGivesATenantsDemandsInOneStatusOldestFirstThenById() {
    pending("DEM-3", "acme", T0.plusSeconds(10));
    pending("DEM-2", "acme", T0);
    pending("DEM-1", "acme", T0);
    pending("DEM-4", "other", T0);
    StoredDemand rejected = pending("DEM-5", "acme", T0.minusSeconds(5));
    store.replace(next(rejected, DemandStatus.REJECTED, null, "no"));

    assertThat(store.list("acme", DemandStatus.PENDING)).extracting(StoredDemand::id)
        .containsExactly("DEM-1", "DEM-2", "DEM-3");
    assertThat(store.list("acme", DemandStatus.REJECTED)).extracting(StoredDemand::id).containsExactly("DEM-5");
    assertThat(store.list("other", DemandStatus.PENDING)).extracting(StoredDemand::id).containsExactly("DEM-4");
    assertThat(store.list("acme", DemandStatus.APPROVED)).isEmpty();
    assertThat(store.list("nobody", DemandStatus.PENDING)).isEmpty();
  }

  @Test
  void concurrentReplacesOfOneVersionLetExactlyOneWin() throws Exception {
    StoredDemand d = pending("DEM-1", "acme", T0);
    int managers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(managers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < managers; i++) {
        String caseId = "C-" + i;
        Callable<Boolean> approve = () -> store.replace(next(d, DemandStatus.APPROVING, caseId, ""));
        results.add(pool.submit(approve));
      }
      int won = 0;
      for (Future<Boolean> r : results) {
        won += r.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find("DEM-1").orElseThrow().version()).isEqualTo(1);
  }
}
