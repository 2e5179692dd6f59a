package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.part;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static dev.dunning.mail.MailFixtures.reminder;
import static dev.dunning.mail.MailFixtures.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dunning.mail.internal.EmailComposer;
import dev.dunning.model.ChannelType;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.DeliveryResult;
import dev.dunning.spi.Document;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import dev.dunning.testing.MutableClock;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  private EmailChannel channel() {
    return EmailChannel.builder(smtp(greenMail.getSmtp().getPort())).clock(clock).build();
  }

  @Test
  void a_reminder_arrives_as_text_and_html_with_the_letter_attached_and_utf8_names() throws Exception {
    byte[] pdf = {'%', 'P', 'D', 'F', '-', 1, 2, 3, (byte) 0xFF};
    OutboundMessage reminder = message(recoveryCase(debtor("Jürgen Müller", Locale.GERMANY).build(), "reminder1",
            List.of(claim("RE-77", "1234.56", "EUR"))), "reminder1", ChannelType.EMAIL,
        URI.create("https://portal.acme.test/p/tok"), List.of(new Document("mahnung-RE-77.pdf", Document.PDF, pdf)));

    Receipt receipt = channel().send(reminder);

    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Zahlungserinnerung – Rechnung RE-77");
    assertThat(((InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
        .isEqualTo("Jürgen Müller");
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(MailFixtures.CREDITOR_EMAIL);
    assertThat(from.getPersonal()).isEqualTo("Service comptabilité, Acme SRL");
    assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo(MailFixtures.CREDITOR_EMAIL);
    assertThat(received.getMessageID()).isEqualTo(receipt.id());
    assertThat(received.getContentType()).startsWith("multipart/mixed");

    String text = part(received, "text/plain");
    assertThat(text).contains("Guten Tag Jürgen Müller", "RE-77", "1.234,56\u00A0€", "5. März 2026",
        "+32 2 555 01 01", "BE68539007547034", "GEBABEBB", "+++090/9337/55493+++", "https://portal.acme.test/p/tok");
    String html = part(received, "text/html");
    assertThat(html).contains("Jürgen Müller", "1.234,56\u00A0€", "<a href=\"https://portal.acme.test/p/tok\">");

    Part attachment = MailFixtures.leaves(received).get(2);
    assertThat(attachment.getFileName()).isEqualTo("mahnung-RE-77.pdf");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
  }

  @Test
  void spanish_and_cyrillic_names_and_subjects_survive_the_trip() throws Exception {
    channel().send(reminder(debtor("José Ñúñez", new Locale("es", "ES")).build()));
    channel().send(reminder(debtor("Иван Петров", new Locale("bg", "BG")).build()));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getPersonal()).isEqualTo("José Ñúñez");
    assertThat(received[1].getSubject()).isEqualTo("Напомняне за плащане – фактура INV-2026-001");
    assertThat(part(received[1], "text/plain")).contains("Здравейте, Иван Петров", "5 март 2026 г.");
  }

  @Test
  void a_thread_without_a_context_class_loader_sends_batch_after_batch_and_keeps_none() throws Exception {
    EmailChannel channel = channel();
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(null);
    try {
      channel.send(reminder(debtor("A", Locale.ENGLISH).build()));
      channel.send(reminder(debtor("B", Locale.ENGLISH).build()));
      assertThat(thread.getContextClassLoader()).isNull();
    } finally {
      thread.setContextClassLoader(original);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void a_retried_message_carries_the_same_message_id() throws Exception {
    OutboundMessage reminder = reminder(debtor("Anna Schmidt", Locale.GERMANY).build());

    Receipt first = channel().send(reminder);
    Receipt again = channel().send(reminder);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo(first.id())
        .isEqualTo(again.id())
        .isEqualTo(EmailComposer.messageId(reminder.message().idempotencyKey(), MailFixtures.CREDITOR_EMAIL))
        .matches("<[0-9a-f]{32}\\.dunning@acme\\.test>");
  }

  @Test
  void a_batch_is_sent_in_order_with_one_result_per_message() throws Exception {
    List<OutboundMessage> batch = List.of(reminder(debtor("A", Locale.ENGLISH).build()),
        reminder(debtor("B\r\nBcc: x@evil.test", Locale.ENGLISH).build()), reminder(debtor("C", Locale.ENGLISH).build()));

    List<DeliveryResult> results = channel().sendBatch(batch);

    assertThat(results).extracting(DeliveryResult::isSent).containsExactly(true, false, true);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void a_line_break_in_the_debtor_name_is_refused_and_adds_no_bcc() throws Exception {
    OutboundMessage injected = reminder(debtor("X\r\nBcc: a@evil.test", Locale.ENGLISH).build());

    assertThatThrownBy(() -> channel().send(injected))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
        .hasMessageContaining("debtor.name").hasMessageContaining("line break");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void a_custom_header_with_a_line_break_is_refused_when_configured() {
    assertThatThrownBy(() -> EmailChannel.builder(smtp(25)).header("X-Campaign", "a\nBcc: b@evil.test"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Campaign");
  }

  @Test
  void markup_in_a_name_is_shown_as_text_in_the_html_part() throws Exception {
    channel().send(reminder(debtor("<script>alert(1)</script> & Co", Locale.ENGLISH).build()));

    MimeMessage received = greenMail.getReceivedMessages()[0];
    String html = part(received, "text/html");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co").doesNotContain("<script>");
    assertThat(part(received, "text/plain")).contains("Dear <script>alert(1)</script> & Co,");
  }

  @Test
  void an_invalid_debtor_address_is_a_permanent_failure_naming_the_field() {
    OutboundMessage bad = reminder(MailFixtures.debtor("Bad", Locale.ENGLISH).build());
    OutboundMessage noAt = message(recoveryCase(dev.dunning.model.Debtor.builder("D", "Bad").email("not an address")
        .build(), "reminder1", bad.recoveryCase().claims()), "reminder1", ChannelType.EMAIL, null, List.of());

    assertThatThrownBy(() -> channel().send(noAt))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
        .hasMessageContaining("debtor.emails[0]");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      "en-GB; which is also being sent to you by registered letter",
      "fr-BE; qui vous est également adressée par lettre recommandée",
      "nl-BE; die u ook per aangetekende brief wordt toegestuurd",
      "de-DE; die Ihnen zusätzlich per Einschreiben zugeht"})
  void the_formal_notice_says_it_is_also_sent_by_registered_letter_only_when_it_is(String tag, String sentence)
      throws Exception {
    OutboundMessage withLetter = message(recoveryCase(debtor("Ann", Locale.forLanguageTag(tag)).build(),
        "formal_notice", List.of(claim("F-1", "10.00", "EUR"))), "formal_notice", ChannelType.EMAIL, null, List.of());
    dev.dunning.playbook.Stage emailOnly = dev.dunning.playbook.Stage.builder("formal_notice",
        dev.dunning.playbook.StageKind.FORMAL_NOTICE).startDaysFromDueDate(1).channels(ChannelType.EMAIL)
        .template("formal_notice").build();
    OutboundMessage withoutLetter = new OutboundMessage(withLetter.message(), withLetter.recoveryCase(),
        withLetter.creditor(), emailOnly, withLetter.locale(), null, List.of());

    channel().send(withLetter);
    channel().send(withoutLetter);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(part(received[0], "text/plain")).contains(sentence);
    assertThat(part(received[1], "text/plain")).doesNotContain(sentence)
        .doesNotContainIgnoringCase("registered letter").doesNotContain("recommandée", "aangetekende", "Einschreiben");
  }

  @Test
  void a_registered_email_channel_prefers_texts_of_its_own() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("registered-texts");
    java.nio.file.Files.createDirectories(dir.resolve("email/registered_email"));
    java.nio.file.Files.writeString(dir.resolve("email/registered_email/formal_notice_fr.subject.mustache"),
        "Recommandé électronique – mise en demeure {{invoiceNumbers}}\n");
    Templates texts = Templates.builder().directory(dir).build();
    OutboundMessage notice = message(recoveryCase(debtor("Ann", Locale.forLanguageTag("fr-BE")).build(),
        "formal_notice", List.of(claim("F-1", "10.00", "EUR"))), "formal_notice", ChannelType.REGISTERED_EMAIL, null,
        List.of());
    EmailChannel registered = EmailChannel.builder(smtp(greenMail.getSmtp().getPort())).type(ChannelType.REGISTERED_EMAIL)
        .templates(texts).clock(clock).build();
    EmailChannel plain = EmailChannel.builder(smtp(greenMail.getSmtp().getPort())).templates(texts).clock(clock).build();
    assertThat(registered.validate(dev.dunning.playbook.Playbook.defaultPlaybook(),
        dev.dunning.policy.TemplateResolver.localeFallback())).isEmpty();

    registered.send(notice);
    plain.send(notice);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received[0].getSubject()).isEqualTo("Recommandé électronique – mise en demeure F-1");
    assertThat(part(received[0], "text/plain")).startsWith("Madame, Monsieur,");
    assertThat(received[1].getSubject()).isEqualTo("Mise en demeure – facture F-1");
  }
}
