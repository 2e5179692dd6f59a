package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.reminder;
import static dev.dunning.mail.MailFixtures.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.mail.internal.EmailComposer;
import dev.dunning.mail.internal.TemplateCatalog;
import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateValidationTest {
  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  @TempDir
  Path dir;

  @Test
  void the_shipped_templates_pass_the_engine_build_for_the_default_playbook() {
    MailFixtures.engine(clock).channel(EmailChannel.builder(smtp(25)).build())
        .channel(new RecordingChannel(ChannelType.LETTER)).channel(new RecordingChannel(ChannelType.REGISTERED_LETTER))
        .channel(new RecordingChannel(ChannelType.COURT_FILING)).documentRenderer(PdfLetterRenderer.builder().build())
        .build();
  }

  @Test
  void a_stage_without_templates_fails_the_engine_build_naming_the_missing_files() {
    Playbook playbook = Playbook.builder("nudge").stage(Stage.builder("nudge", StageKind.REMINDER)
        .startDaysFromDueDate(1).channels(ChannelType.EMAIL, ChannelType.LETTER).template("friendly_nudge").build()).build();

    assertThatThrownBy(() -> MailFixtures.engine(clock).playbook(playbook).channel(EmailChannel.builder(smtp(25)).build())
        .channel(new RecordingChannel(ChannelType.LETTER)).documentRenderer(PdfLetterRenderer.builder().build()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stages[0] (nudge, email): no template email/friendly_nudge.subject.mustache")
        .hasMessageContaining("no template email/friendly_nudge.txt.mustache")
        .hasMessageContaining("stages[0] (nudge, letter): no template letter/friendly_nudge.mustache");
  }

  @Test
  void an_unknown_variable_in_a_user_template_fails_the_engine_build() throws Exception {
    Files.createDirectories(dir.resolve("email"));
    Files.writeString(dir.resolve("email/reminder1_fr.txt.mustache"), "Bonjour {{debtorName}}, payez {{amountDeu}}.");
    Templates templates = Templates.builder().directory(dir).build();

    assertThatThrownBy(() -> MailFixtures.engine(clock).channel(EmailChannel.builder(smtp(25)).templates(templates).build())
        .channel(new RecordingChannel(ChannelType.LETTER)).channel(new RecordingChannel(ChannelType.REGISTERED_LETTER))
        .channel(new RecordingChannel(ChannelType.COURT_FILING)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("template email/reminder1_fr.txt.mustache uses unknown variable 'amountDeu'");
  }

  @Test
  void a_list_item_used_outside_its_list_fails_the_build_too() throws Exception {
    Files.createDirectories(dir.resolve("letter"));
    Files.writeString(dir.resolve("letter/reminder1_de.mustache"), "@subject Mahnung {{invoiceNumber}}\nText");
    Templates templates = Templates.builder().directory(dir).build();

    assertThat(PdfLetterRenderer.builder().templates(templates).build()
        .validate(Playbook.defaultPlaybook(), TemplateResolver.localeFallback()))
        .anySatisfy(p -> assertThat(p).contains("letter/reminder1_de.mustache fails on a sample message"));
  }

  @Test
  void a_user_template_wins_over_the_default_and_the_locale_chain_falls_back_to_the_language() throws Exception {
    Files.createDirectories(dir.resolve("email"));
    Files.writeString(dir.resolve("email/reminder1_nl.subject.mustache"), "Even herinneren: {{invoiceNumbers}}\n");
    Templates templates = Templates.builder().directory(dir).build();
    EmailComposer composer = new EmailComposer(templates.catalog(), jakarta.mail.Session.getInstance(new java.util.Properties()),
        clock, null, java.util.Map.of(), "");

    EmailComposer.Parts parts = composer.render(reminder(debtor("Jan Peeters", Locale.forLanguageTag("nl-BE")).build()));

    assertThat(parts.subject()).isEqualTo("Even herinneren: INV-2026-001");
    assertThat(parts.text()).startsWith("Beste Jan Peeters,");
    assertThat(templates.paths()).contains(TemplateCatalog.path("email", "reminder1_bg", "txt"));
  }

  @Test
  void templates_load_from_a_classpath_prefix() {
    Templates templates = Templates.builder().withoutDefaults().classpath("dev/dunning/mail/templates").build();

    assertThat(templates.paths()).contains("email/formal_notice_de.subject", "letter/formal_notice_nl");
  }

  @Test
  void unescaped_output_in_an_html_template_fails_the_engine_build_naming_the_file() throws Exception {
    Files.createDirectories(dir.resolve("email"));
    Files.writeString(dir.resolve("email/reminder1_fr.html.mustache"), "<p>Bonjour {{{debtorName}}}</p>");
    Files.writeString(dir.resolve("email/reminder1_de.html.mustache"), "<p>Guten Tag {{& debtorName}}</p>");
    Files.writeString(dir.resolve("email/reminder1_nl.html.mustache"), "<p>Beste {{debtorName}}, {{=<% %>=}}<%{debtorName}%></p>");
    Templates templates = Templates.builder().directory(dir).build();

    assertThat(EmailChannel.builder(smtp(25)).templates(templates).build()
        .validate(Playbook.defaultPlaybook(), TemplateResolver.localeFallback()))
        .anySatisfy(p -> assertThat(p).contains("template email/reminder1_fr.html.mustache", "{{{"))
        .anySatisfy(p -> assertThat(p).contains("template email/reminder1_de.html.mustache", "{{&"))
        .anySatisfy(p -> assertThat(p).contains("template email/reminder1_nl.html.mustache", "{{="));
  }

  @Test
  void unescaped_output_in_a_text_template_is_allowed() throws Exception {
    Files.createDirectories(dir.resolve("email"));
    Files.writeString(dir.resolve("email/reminder1_fr.txt.mustache"), "Bonjour {{{debtorName}}}, {{&amountDue}}.");
    Templates templates = Templates.builder().directory(dir).build();

    assertThat(EmailChannel.builder(smtp(25)).templates(templates).build()
        .validate(Playbook.defaultPlaybook(), TemplateResolver.localeFallback())).isEmpty();
  }
}
