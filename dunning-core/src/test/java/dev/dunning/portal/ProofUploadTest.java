package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.StoredDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProofUploadTest extends CaseWithPortalLink {
  private static final int TEN_MB = 10 * 1024 * 1024;

  private void assertRefused(Upload upload, String code, String messagePart) {
    int events = f.engine.timeline(c.id()).size();
    assertThatThrownBy(() -> f.portal.uploadProof(PortalFixtures.TENANT, token, upload))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("file");
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(messagePart);
        });
    assertThat(f.documents.list(c.id())).isEmpty();
    assertThat(f.engine.timeline(c.id())).hasSize(events);
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void an_empty_file_is_refused() {
    assertRefused(new Upload("proof.pdf", new byte[0]), "file.empty", "the file is empty");
  }

  @Test
  void a_file_one_byte_over_ten_megabytes_is_refused() {
    assertRefused(new Upload("proof.pdf", PortalFixtures.pdf(TEN_MB + 1)), "file.too_large",
        "10485761 bytes; at most 10485760 bytes (10 MB)");
  }

  @Test
  void html_renamed_pdf_is_refused_by_its_content() {
    assertRefused(new Upload("virement.pdf", PortalFixtures.html()), "file.type", "only JPEG, PDF, PNG files");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "..\\..\\boot.ini", "/etc/passwd", "..", "scans/proof.pdf"})
  void a_name_with_path_parts_is_refused(String name) {
    assertRefused(new Upload(name, PortalFixtures.pdf(100)), "file.name.path", "contains a path");
  }

  @Test
  void a_name_with_a_nul_byte_is_refused() {
    assertRefused(new Upload("proof.pdf\u0000.exe", PortalFixtures.pdf(100)), "file.name.control_character", "NUL");
  }

  @Test
  void a_file_without_a_name_is_refused() {
    assertRefused(new Upload(" ", PortalFixtures.pdf(100)), "file.name.missing", "no name");
  }

  @Test
  void exactly_ten_megabytes_is_accepted() {
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("proof.pdf", PortalFixtures.pdf(TEN_MB)));
    assertThat(f.documents.list(c.id())).singleElement().satisfies(d -> assertThat(d.size()).isEqualTo(TEN_MB));
  }

  @Test
  void a_proof_is_stored_under_a_generated_name_and_pauses_escalation_for_review() {
    PortalView view = f.portal.uploadProof(PortalFixtures.TENANT, token,
        new Upload("Virement <script> été\"x\".jpeg.exe", PortalFixtures.png()));

    StoredDocument doc = f.documents.list(c.id()).get(0);
    assertThat(doc.kind()).isEqualTo(DocumentKind.PROOF_OF_PAYMENT);
    assertThat(doc.mediaType()).isEqualTo("image/png");
    assertThat(doc.filename()).matches("proof-of-payment-20260302-080000-[0-9a-f]{8}\\.png");
    assertThat(doc.metadata()).containsEntry("originalFilename", "Virement _script_ été_x_.jpeg.exe");
    RecoveryCase held = f.current(c.id());
    assertThat(held.status()).isEqualTo(CaseStatus.ON_HOLD);
    assertThat(held.hold().reason()).isEqualTo(HoldReason.PROOF_UNDER_REVIEW);
    assertThat(held.hold().until()).isNull();
    assertThat(held.nextActionAt()).isNull();
    assertThat(view.holdReason()).isEqualTo(HoldReason.PROOF_UNDER_REVIEW);
    assertThat(view.actions()).containsExactly(PortalAction.UPLOAD_PROOF);
    assertThat(f.events(c.id(), EventType.PROOF_SUBMITTED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(PortalService.DEBTOR);
      assertThat(e.detail()).contains(doc.filename(), doc.sha256());
    });
  }

  @Test
  void a_second_proof_joins_the_review_without_a_second_hold() {
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("a.pdf", PortalFixtures.pdf(100)));
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("b.jpg", PortalFixtures.jpeg()));
    assertThat(f.documents.list(c.id())).hasSize(2);
    assertThat(f.events(c.id(), EventType.HELD)).hasSize(1);
    assertThat(f.events(c.id(), EventType.PROOF_SUBMITTED)).hasSize(2);
  }

  @Test
  void while_a_proof_is_reviewed_other_requests_are_refused_with_the_reason() {
    f.portal.uploadProof(PortalFixtures.TENANT, token, new Upload("a.pdf", PortalFixtures.pdf(100)));
    assertThatThrownBy(() -> f.portal.promiseToPay(PortalFixtures.TENANT, token, PortalFixtures.TODAY.plusDays(5)))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("action.not_allowed");
          assertThat(e.getMessage()).contains("your proof of payment is being reviewed");
        });
  }

  @Test
  void the_upload_limit_is_configurable() {
    PortalService small = PortalService.builder(f.engine, f.links).creditors(f.creditors).documentStore(f.documents)
        .paymentPlans(f.plans).maxUploadBytes(1024).build();
    assertThatThrownBy(() -> small.uploadProof(PortalFixtures.TENANT, token, new Upload("p.pdf", PortalFixtures.pdf(1025))))
        .hasMessageContaining("at most 1024 bytes (1 KB)");
    assertThatThrownBy(() -> PortalService.builder(f.engine, f.links).maxUploadBytes(0))
        .hasMessageContaining("maxUploadBytes must be between 1 and 104857600, was 0");
  }
}
