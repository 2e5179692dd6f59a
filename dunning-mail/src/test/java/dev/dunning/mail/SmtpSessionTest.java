package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.reminder;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dunning.spi.DeliveryResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SmtpSettings} a session is opened with, against a GreenMail that knows one user. */
class SmtpSessionTest {
  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("dunning", "s3cret"));

  private static SmtpSettings.Builder settings(SmtpSettings.StartTls startTls) {
    return SmtpSettings.builder("127.0.0.1", greenMail.getSmtp().getPort()).startTls(startTls)
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
  }

  private static List<DeliveryResult> send(SmtpSettings smtp) {
    return EmailChannel.builder(smtp).build().sendBatch(List.of(reminder(debtor("Anna", Locale.ENGLISH).build()),
        reminder(debtor("Bert", Locale.ENGLISH).build())));
  }

  @Test
  void a_configured_login_is_used_and_the_messages_arrive() {
    List<DeliveryResult> results = send(settings(SmtpSettings.StartTls.DISABLED).login("dunning", "s3cret").build());

    assertThat(results).allSatisfy(r -> assertThat(r.isSent()).isTrue());
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void a_wrong_password_is_retryable_for_the_whole_batch_and_nothing_is_sent() {
    List<DeliveryResult> results = send(settings(SmtpSettings.StartTls.DISABLED).login("dunning", "wrong").build());

    assertThat(results).allSatisfy(r -> {
      assertThat(r.isSent()).isFalse();
      assertThat(r.failure().isPermanent()).isFalse();
      assertThat(r.failure()).hasMessageContaining("535");
    });
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void starttls_required_against_a_server_without_it_is_refused_and_nothing_is_sent_in_plain_text() {
    // GreenMail's SMTP does not offer STARTTLS
    List<DeliveryResult> results = send(settings(SmtpSettings.StartTls.REQUIRED).build());

    assertThat(results).allSatisfy(r -> {
      assertThat(r.isSent()).isFalse();
      assertThat(r.failure().isPermanent()).isFalse();
      assertThat(r.failure()).hasMessageContaining("STARTTLS");
    });
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void opportunistic_starttls_against_a_server_without_it_sends_in_plain_text() {
    List<DeliveryResult> results = send(settings(SmtpSettings.StartTls.OPPORTUNISTIC).build());

    assertThat(results).allSatisfy(r -> assertThat(r.isSent()).isTrue());
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }
}
