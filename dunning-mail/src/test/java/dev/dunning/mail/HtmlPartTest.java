package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static dev.dunning.mail.MailFixtures.reminder;
import static dev.dunning.mail.MailFixtures.smtp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.mail.internal.EmailComposer;
import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.testing.MutableClock;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML part of an e-mail comes from the same template as its text part, never from another language's. */
class HtmlPartTest {
  private static final Locale FR_BE = Locale.forLanguageTag("fr-BE");

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  @TempDir
  Path dir;

  private Templates with(String path, String source) throws Exception {
    Files.createDirectories(dir.resolve(path).getParent());
    Files.writeString(dir.resolve(path), source);
    return Templates.builder().directory(dir).build();
  }

  private EmailComposer.Parts render(Templates templates, String ownTexts, OutboundMessage m) {
    return new EmailComposer(templates.catalog(), Session.getInstance(new Properties()), clock, null, Map.of(), ownTexts)
        .render(m);
  }

  @Test
  void an_english_html_template_does_not_go_with_a_french_text() throws Exception {
    Templates templates = with("email/reminder1.html.mustache", "<p>Dear {{debtorName}}, this is the English HTML</p>");

    EmailComposer.Parts parts = render(templates, "", reminder(debtor("Ann Dupont", FR_BE).build()));

    assertThat(parts.text()).startsWith("Bonjour Ann Dupont,");
    assertThat(parts.html()).contains("<html lang=\"fr-BE\">", "<p>Bonjour Ann Dupont,</p>")
        .doesNotContain("English HTML");
    // the English debtor still gets the English HTML template
    assertThat(render(templates, "", reminder(debtor("Ann Smith", Locale.UK).build())).html())
        .isEqualTo("<p>Dear Ann Smith, this is the English HTML</p>");
  }

  @Test
  void an_html_template_beside_the_text_it_goes_with_is_used() throws Exception {
    Templates templates = with("email/reminder1_fr.html.mustache", "<p>Bonjour {{debtorName}} (HTML)</p>");

    assertThat(render(templates, "", reminder(debtor("Ann Dupont", FR_BE).build())).html())
        .isEqualTo("<p>Bonjour Ann Dupont (HTML)</p>");
  }

  @Test
  void a_registered_email_html_template_does_not_go_with_a_french_text_either() throws Exception {
    Templates templates = with("email/registered_email/formal_notice.subject.mustache", "Registered: {{invoiceNumbers}}\n");
    Files.writeString(dir.resolve("email/registered_email/formal_notice.txt.mustache"), "Dear {{debtorName}}, registered");
    Files.writeString(dir.resolve("email/registered_email/formal_notice.html.mustache"), "<p>English registered HTML</p>");
    templates = Templates.builder().directory(dir).build();
    OutboundMessage notice = message(recoveryCase(debtor("Ann Dupont", FR_BE).build(), "formal_notice",
        List.of(claim("F-1", "10.00", "EUR"))), "formal_notice", ChannelType.REGISTERED_EMAIL, null, List.of());

    EmailComposer.Parts parts = render(templates, "registered_email/", notice);

    assertThat(parts.text()).startsWith("Madame, Monsieur,");
    assertThat(parts.html()).contains("<p>Madame, Monsieur,</p>").doesNotContain("English registered HTML");
  }

  @Test
  void a_text_template_saved_with_crlf_gives_the_email_it_gives_saved_with_lf() throws Exception {
    String source;
    try (var in = Templates.class.getResourceAsStream("templates/email/reminder1_fr.txt.mustache")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(source).doesNotContain("\r").contains("\n\n");
    OutboundMessage reminder = message(recoveryCase(debtor("Ann Dupont", FR_BE).build(), "reminder1",
        List.of(claim("F-1", "10.00", "EUR"), claim("F-2", "12.00", "EUR"))), "reminder1", ChannelType.EMAIL, null,
        List.of());
    EmailComposer.Parts lf = render(Templates.defaults(), "", reminder);

    EmailComposer.Parts crlf = render(with("email/reminder1_fr.txt.mustache", source.replace("\n", "\r\n")), "", reminder);
    EmailComposer.Parts cr = render(with("email/reminder1_fr.txt.mustache", source.replace("\n", "\r")), "", reminder);

    assertThat(lf.html()).contains("<br>\n");
    assertThat(crlf).isEqualTo(lf);
    assertThat(cr).isEqualTo(lf);
  }

  @Test
  void an_html_template_without_the_text_it_goes_with_fails_the_build() throws Exception {
    Templates templates = with("email/reminder1_fr_BE.html.mustache", "<p>Bonjour {{debtorName}}</p>");

    assertThat(EmailChannel.builder(smtp(25)).templates(templates).build()
        .validate(Playbook.defaultPlaybook(), TemplateResolver.localeFallback()))
        .singleElement().asString()
        .contains("stages[0] (reminder1, email)", "template email/reminder1_fr_BE.html.mustache is never used",
            "no email/reminder1_fr_BE.txt.mustache");
  }

  @Test
  void a_registered_email_html_template_without_its_text_fails_the_build() throws Exception {
    Templates templates = with("email/registered_email/formal_notice_fr.html.mustache", "<p>Madame, Monsieur,</p>");

    Playbook registered = Playbook.builder("registered").stage(Stage.builder("formal_notice", StageKind.FORMAL_NOTICE)
        .startDaysFromDueDate(1).channels(ChannelType.REGISTERED_EMAIL).template("formal_notice").build()).build();

    assertThat(EmailChannel.builder(smtp(25)).type(ChannelType.REGISTERED_EMAIL).templates(templates).build()
        .validate(registered, TemplateResolver.localeFallback()))
        .singleElement().asString()
        .contains("(formal_notice, registered_email)", "template email/registered_email/formal_notice_fr.html.mustache",
            "no email/registered_email/formal_notice_fr.txt.mustache");
  }
}
