package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static dev.dunning.mail.MailFixtures.reminder;
import static dev.dunning.mail.MailFixtures.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Creditor;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.Document;
import dev.dunning.spi.OutboundMessage;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A line break in any value that ends up in a header would let it add headers ({@code Bcc:}): each
 * is refused before anything is sent, permanently, with an error naming the value to correct.
 */
class HeaderInjectionTest {
  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String INJECTED = "\r\nBcc: victim@evil.test";

  private void assertRefused(OutboundMessage message, String field) {
    EmailChannel channel = EmailChannel.builder(smtp(greenMail.getSmtp().getPort())).build();

    assertThatThrownBy(() -> channel.send(message))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
        .hasMessageContaining(field).hasMessageContaining("line break");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  private static OutboundMessage from(Creditor creditor) {
    OutboundMessage m = reminder(debtor("Anna Schmidt", Locale.ENGLISH).build());
    return new OutboundMessage(m.message(), m.recoveryCase(), creditor, m.stage(), m.locale(), m.portalLink(),
        m.attachments());
  }

  @Test
  void a_line_break_in_the_creditor_name_is_refused() {
    Creditor c = MailFixtures.creditor();
    assertRefused(from(new Creditor(c.id(), "Acme SRL" + INJECTED, c.legalIds(), c.address(), c.letterhead(),
        c.contactPhone(), c.contactEmail(), c.iban(), c.bic())), "creditor.name");
  }

  @Test
  void a_line_break_in_the_sender_name_is_refused() {
    Creditor c = MailFixtures.creditor();
    Creditor.Letterhead l = c.letterhead();
    assertRefused(from(new Creditor(c.id(), c.name(), c.legalIds(), c.address(), new Creditor.Letterhead(l.tagline(),
        l.website(), "Service comptabilité" + INJECTED, l.logoPng(), l.accentColor()), c.contactPhone(),
        c.contactEmail(), c.iban(), c.bic())), "creditor.letterhead.senderName");
  }

  @Test
  void a_line_break_in_an_invoice_number_the_subject_shows_is_refused() {
    OutboundMessage m = message(recoveryCase(debtor("Anna Schmidt", Locale.ENGLISH).build(), "reminder1",
        List.of(claim("INV-1" + INJECTED, "10.00", "EUR"))), "reminder1", ChannelType.EMAIL,
        URI.create("https://portal.acme.test/p/t"), List.of());

    assertRefused(m, "subject");
    assertRefused(m, "invoiceNumbers");
  }

  @Test
  void a_line_break_in_an_attachment_file_name_is_refused() {
    OutboundMessage m = reminder(debtor("Anna Schmidt", Locale.ENGLISH).build()).withAttachments(List.of(
        new Document("letter.pdf", Document.PDF, new byte[] {'%', 'P', 'D', 'F', '-'}),
        new Document("invoice.pdf" + INJECTED, Document.PDF, new byte[] {'%', 'P', 'D', 'F', '-'})));

    assertRefused(m, "attachments[1].filename");
  }
}
