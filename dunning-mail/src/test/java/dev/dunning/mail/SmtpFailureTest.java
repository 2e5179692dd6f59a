package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.reminder;
import static dev.dunning.mail.MailFixtures.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.DeliveryResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SmtpFailureTest {

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
    try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 <debtor@example.test>: No such user")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      assertThatThrownBy(() -> channel.send(reminder(debtor("A", Locale.ENGLISH).build())))
          .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue())
          .hasMessageContaining("550 5.1.1");
    }
  }

  @Test
  void a_451_reply_is_retryable_and_the_connection_serves_the_rest_of_the_batch() throws Exception {
    try (RejectingSmtpServer server = new RejectingSmtpServer("451 4.3.0 Try again later")) {
      EmailChannel channel = EmailChannel.builder(smtp(server.port())).build();

      List<DeliveryResult> results = channel.sendBatch(List.of(reminder(debtor("A", Locale.ENGLISH).build()),
          reminder(debtor("B", Locale.ENGLISH).build())));

      assertThat(results).allSatisfy(r -> assertThat(r.failure().isPermanent()).isFalse());
      assertThat(server.rejected()).isEqualTo(2);
    }
  }
}
