package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.newCase;
import static dev.dunning.mail.MailFixtures.pdfText;
import static dev.dunning.mail.MailFixtures.pdfsIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dunning.RecoveryEngine;
import dev.dunning.model.Actor;
import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.memory.InMemoryDocumentStore;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.testing.MutableClock;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A formal notice goes out by registered letter and by e-mail with the same PDF. */
class FormalNoticeTest {
  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir
  Path outgoing;

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  /** Straight to the formal notice, the day after the due date. */
  private RecoveryEngine engine() {
    return engine(new InMemoryDocumentStore(clock));
  }

  private RecoveryEngine engine(DocumentStore documents) {
    Playbook notice = Playbook.builder("notice").stage(Stage.builder("formal_notice", StageKind.FORMAL_NOTICE)
        .startDaysFromDueDate(1).deadlineDays(15).channels(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL)
        .delivery(Delivery.ALL).template("formal_notice").build()).build();
    return MailFixtures.mailEngine(clock, MailFixtures.smtp(greenMail.getSmtp().getPort()), outgoing, documents)
        .playbook(notice).build();
  }

  private byte[] attachedPdf(MimeMessage email) throws Exception {
    for (Part p : MailFixtures.leaves(email)) {
      if (p.isMimeType("application/pdf")) {
        return p.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no PDF attached");
  }

  @Test
  void the_rendered_notice_is_posted_registered_and_attached_to_the_email() throws Exception {
    RecoveryEngine engine = engine();
    engine.open(newCase(debtor("Claire Fontaine", Locale.forLanguageTag("fr-BE")).build(), claim("F-11", "1234.56", "EUR")));

    engine.tick();

    byte[] posted = Files.readAllBytes(pdfsIn(outgoing.resolve("registered")).get(0));
    MimeMessage email = greenMail.getReceivedMessages()[0];
    assertThat(email.getSubject()).isEqualTo("Mise en demeure – facture F-11");
    assertThat(attachedPdf(email)).isEqualTo(posted);
    assertThat(pdfText(posted)).contains("Mise en demeure de payer", "1\u202F234,56\u00A0€", "12 mars 2026",
        "Conséquences en l'absence de paiement");
    assertThat(MailFixtures.part(email, "text/plain")).contains("Conséquences", "12 mars 2026");
  }

  @Test
  void a_signed_notice_uploaded_by_a_person_is_the_one_posted_and_attached() throws Exception {
    RecoveryEngine engine = engine();
    engine.open(newCase(debtor("Claire Fontaine", Locale.forLanguageTag("fr-BE")).build(), claim("F-12", "80.00", "EUR")));
    byte[] signed = "%PDF-1.7 signed by hand".getBytes();
    engine.uploadSignedLetter("C-1042", "formal_notice", new Document("signed.pdf", Document.PDF, signed),
        Actor.manager("Anne"));

    engine.tick();

    assertThat(Files.readAllBytes(pdfsIn(outgoing.resolve("registered")).get(0))).isEqualTo(signed);
    assertThat(attachedPdf(greenMail.getReceivedMessages()[0])).isEqualTo(signed);
  }

  @Test
  void an_invoice_copy_in_the_document_store_is_attached_beside_the_notice_byte_for_byte() throws Exception {
    InMemoryDocumentStore documents = new InMemoryDocumentStore(clock);
    RecoveryEngine engine = engine(documents);
    engine.open(newCase(debtor("Claire Fontaine", Locale.forLanguageTag("fr-BE")).build(), claim("F-13", "80.00", "EUR")));
    byte[] invoice = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, (byte) 0xE9, (byte) 0xFF, 13, 10, 'F', '-', '1', '3'};
    documents.put("C-1042", DocumentKind.INVOICE_COPY, new Document("facture-F-13.pdf", Document.PDF, invoice), Map.of());

    engine.tick();

    byte[] posted = Files.readAllBytes(pdfsIn(outgoing.resolve("registered")).get(0));
    List<Part> pdfs = MailFixtures.leaves(greenMail.getReceivedMessages()[0]).stream()
        .filter(p -> isPdf(p)).toList();
    assertThat(pdfs).hasSize(2);
    assertThat(pdfs.get(0).getFileName()).isEqualTo("formal_notice-C-1042-1.pdf");
    assertThat(pdfs.get(0).getInputStream().readAllBytes()).isEqualTo(posted);
    assertThat(pdfs.get(1).getFileName()).isEqualTo("facture-F-13.pdf");
    assertThat(pdfs.get(1).getInputStream().readAllBytes()).isEqualTo(invoice);
  }

  private static boolean isPdf(Part part) {
    try {
      return part.isMimeType("application/pdf");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void an_upload_that_is_not_a_pdf_is_refused_with_the_reason() {
    RecoveryEngine engine = engine();
    engine.open(newCase(debtor("Claire Fontaine", Locale.forLanguageTag("fr-BE")).build(), claim("F-14", "80.00", "EUR")));
    Document scan = new Document("signed.pdf", Document.PDF, new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 2});

    assertThatThrownBy(() -> engine.uploadSignedLetter("C-1042", "formal_notice", scan, Actor.manager("Anne")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letter").hasMessageContaining("%PDF-").hasMessageContaining("signed.pdf")
        .hasMessageContaining("GIF89a");
    assertThat(engine.timeline("C-1042")).noneSatisfy(e -> assertThat(e.detail()).contains("signed letter"));
  }
}
