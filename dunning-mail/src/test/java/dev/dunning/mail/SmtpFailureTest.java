package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.reminder;
import static dev.dunning.mail.MailFixtures.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.DeliveryResult;
import dev.dunning.spi.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Which SMTP failures are retried and which are permanent (the stage falls back to its next
 * channel): only the debtor's address or the message itself can be refused for good; anything
 * about reaching or logging in to the server, or the sender it accepts, is the channel's setup.
 */
class SmtpFailureTest {
  private static List<OutboundMessage> batch(String... names) {
    return java.util.Arrays.stream(names).map(n -> reminder(debtor(n, Locale.ENGLISH).build())).toList();
  }

  private static void assertAllRetryable(List<DeliveryResult> results, String reason) {
    assertThat(results).isNotEmpty().allSatisfy(r -> {
      assertThat(r.isSent()).isFalse();
      assertThat(r.failure().isPermanent()).as("permanent: %s", r.failure().getMessage()).isFalse();
      assertThat(r.failure()).hasMessageContaining(reason);
    });
  }

  @Test
  void a_server_that_refuses_connections_is_a_retryable_failure_for_the_whole_batch() {
    EmailChannel channel = EmailChannel.builder(smtp(MailFixtures.freePort())).build();

    List<DeliveryResult> results = channel.sendBatch(List.of(reminder(debtor("A", Locale.ENGLISH).build()),
        reminder(debtor("B", Locale.ENGLISH).build())));

    assertThat(results).allSatisfy(r -> {
      assertThat(r.isSent()).isFalse();
      assertThat(r.failure().isPermanent()).isFalse();
      assertThat(r.failure()).hasMessageContaining("cannot connect to 127.0.0.1");
    });
  }

  @Test
  void a_550_reply_to_the_recipient_is_a_permanent_failure() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingRecipients("550 5.1.1 <debtor@example.test>: No such user")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      assertThatThrownBy(() -> channel.send(reminder(debtor("A", Locale.ENGLISH).build())))
          .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
          .hasMessageContaining("550 5.1.1");
    }
  }

  @Test
  void a_451_reply_is_retryable_and_the_connection_serves_the_rest_of_the_batch() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingRecipients("451 4.3.0 Try again later")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      List<DeliveryResult> results = channel.sendBatch(List.of(reminder(debtor("A", Locale.ENGLISH).build()),
          reminder(debtor("B", Locale.ENGLISH).build())));

      assertThat(results).allSatisfy(r -> assertThat(r.failure().isPermanent()).isFalse());
      assertThat(server.rejected()).isEqualTo(2);
    }
  }

  @Test
  void a_535_reply_to_the_login_is_retryable_for_the_whole_batch() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingLogin("535 5.7.8 Authentication credentials invalid")) {
      EmailChannel channel = EmailChannel.builder(SmtpSettings.builder("127.0.0.1", server.port())
          .startTls(SmtpSettings.StartTls.DISABLED).login("dunning", "wrong").build()).build();

      List<DeliveryResult> results = channel.sendBatch(batch("A", "B", "C"));

      assertAllRetryable(results, "535 5.7.8");
      assertThat(server.rejected()).as("one login attempt for the batch").isEqualTo(1);
    }
  }

  @Test
  void a_553_reply_to_mail_from_is_retryable_as_the_relay_refuses_the_sender_not_the_debtor() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingSender("553 5.7.1 Sender address rejected: not owned by user")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      List<DeliveryResult> results = channel.sendBatch(batch("A", "B"));

      assertAllRetryable(results, "553 5.7.1");
      assertThat(server.accepted()).isZero();
    }
  }

  @Test
  void a_530_reply_to_mail_from_is_retryable_too() throws Exception {
    // Angus reports 530 (and 552, 554) to MAIL FROM exactly as it reports a refusal of the content
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingSender("530 5.7.0 Authentication required")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      assertAllRetryable(channel.sendBatch(batch("A")), "530 5.7.0");
    }
  }

  @Test
  void a_5xx_reply_to_the_message_data_is_permanent() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingContent("554 5.6.0 Message content rejected")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      assertThatThrownBy(() -> channel.send(reminder(debtor("A", Locale.ENGLISH).build())))
          .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
          .hasMessageContaining("554 5.6.0");
    }
  }

  @Test
  void a_552_reply_to_the_recipient_is_retryable_as_rfc_5321_asks() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingRecipients("552 5.2.2 Mailbox full")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      assertAllRetryable(channel.sendBatch(batch("A")), "552 5.2.2");
    }
  }

  @Test
  void a_server_that_never_answers_is_a_retryable_failure_once_the_read_timeout_has_passed() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
      EmailChannel channel = EmailChannel.builder(SmtpSettings.builder("127.0.0.1", server.port())
          .startTls(SmtpSettings.StartTls.DISABLED).connectTimeout(Duration.ofSeconds(1))
          .readTimeout(Duration.ofSeconds(1)).build()).build();

      // the 1 s read time-out ends the wait; the ceiling only stops the test if it is ignored
      List<DeliveryResult> results = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> channel.sendBatch(batch("A", "B")));

      assertAllRetryable(results, "cannot connect to 127.0.0.1:" + server.port());
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void one_connection_serves_a_whole_batch() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      List<DeliveryResult> results = channel.sendBatch(batch("A", "B", "C"));

      assertThat(results).allSatisfy(r -> assertThat(r.isSent()).isTrue());
      assertThat(server.accepted()).isEqualTo(3);
      assertThat(server.connections()).isEqualTo(1);
    }
  }
}
