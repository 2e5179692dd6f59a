package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.newCase;
import static dev.dunning.mail.MailFixtures.pdfText;
import static dev.dunning.mail.MailFixtures.pdfsIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dunning.memory.InMemoryDocumentStore;
import dev.dunning.RecoveryEngine;
import dev.dunning.TickReport;
import dev.dunning.model.EventType;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channels driven by a real engine: retries while SMTP is down, fallback to a letter on a 5xx. */
class EngineDeliveryTest {
  @TempDir
  Path outgoing;

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  @Test
  void while_smtp_is_down_the_reminder_waits_and_after_the_restart_it_is_delivered_exactly_once() throws Exception {
    int port = MailFixtures.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    RecoveryEngine engine = MailFixtures.mailEngine(clock, port, outgoing).build();
    engine.open(newCase(debtor("Sophie Lambert", Locale.forLanguageTag("fr-BE")).build(), claim("F-9", "1234.56", "EUR")));
    try {
      TickReport down = engine.tick();

      assertThat(down.retrying()).isEqualTo(1);
      OutboxMessage waiting = engine.messages("C-1042").get(0);
      assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(waiting.attempts()).isEqualTo(1);
      assertThat(waiting.nextAttemptAt()).isEqualTo(MailFixtures.START.plus(Duration.ofMinutes(1)));
      assertThat(waiting.lastError()).contains("cannot connect to 127.0.0.1:" + port);
      assertThat(engine.timeline("C-1042")).extracting(TimelineEvent::type).contains(EventType.MESSAGE_RETRY);

      smtp.start();
      clock.advance(Duration.ofMinutes(2));
      TickReport up = engine.tick();
      clock.advance(Duration.ofHours(1));
      engine.tick();

      assertThat(up.delivered()).isEqualTo(1);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Rappel de paiement – facture F-9");
      assertThat(engine.messages("C-1042").get(0).status()).isEqualTo(OutboxStatus.SENT);
      assertThat(engine.messages("C-1042").get(0).receipt()).isEqualTo(smtp.getReceivedMessages()[0].getMessageID());
      assertThat(pdfsIn(outgoing.resolve("letter"))).isEmpty();
    } finally {
      smtp.stop();
    }
  }

  @Test
  void a_550_rejection_fails_the_email_and_the_reminder_goes_out_as_a_letter() throws Exception {
    try (ScriptedSmtpServer smtp = ScriptedSmtpServer.rejectingRecipients("550 5.1.1 <debtor@example.test>: No such user")) {
      RecoveryEngine engine = MailFixtures.mailEngine(clock, smtp.port(), outgoing).build();
      engine.open(newCase(debtor("Pieter Janssens", Locale.forLanguageTag("nl-BE")).build(),
          claim("F-10", "1234.56", "EUR")));

      TickReport first = engine.tick();
      engine.dispatch();

      assertThat(first.failed()).isEqualTo(1);
      List<OutboxMessage> messages = engine.messages("C-1042");
      assertThat(messages).extracting(m -> m.channel().code() + "=" + m.status())
          .containsExactlyInAnyOrder("email=FAILED", "letter=SENT");
      assertThat(engine.timeline("C-1042")).anySatisfy(e -> {
        assertThat(e.type()).isEqualTo(EventType.MESSAGE_FAILED);
        assertThat(e.detail()).contains("550 5.1.1", "falling back to letter");
      });
      List<Path> letters = pdfsIn(outgoing.resolve("letter"));
      assertThat(letters).hasSize(1);
      assertThat(pdfText(Files.readAllBytes(letters.get(0))))
          .contains("Betalingsherinnering", "Pieter Janssens", "€\u00A01.234,56", "5 maart 2026");
      assertThat(Files.readAllLines(outgoing.resolve("letter").resolve(LetterChannel.MANIFEST))).hasSize(2);
    }
  }

  @Test
  void a_wrong_smtp_password_keeps_the_email_pending_and_sends_no_letter() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser("dunning", "s3cret"));
    smtp.start();
    try {
      SmtpSettings wrongPassword = SmtpSettings.builder("127.0.0.1", smtp.getSmtp().getPort())
          .startTls(SmtpSettings.StartTls.DISABLED).login("dunning", "wrong").connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(5)).build();
      RecoveryEngine engine = MailFixtures.mailEngine(clock, wrongPassword, outgoing, new InMemoryDocumentStore(clock))
          .build();
      engine.open(newCase(debtor("Sophie Lambert", Locale.forLanguageTag("fr-BE")).build(), claim("F-9", "1234.56", "EUR")));

      TickReport report = engine.tick();
      engine.dispatch();

      assertThat(report.retrying()).isEqualTo(1);
      assertThat(report.failed()).isZero();
      assertThat(engine.messages("C-1042")).extracting(m -> m.channel().code() + "=" + m.status())
          .containsExactly("email=PENDING");
      assertThat(engine.messages("C-1042").get(0).lastError()).contains("535");
      assertThat(engine.timeline("C-1042")).extracting(TimelineEvent::type).contains(EventType.MESSAGE_RETRY)
          .doesNotContain(EventType.MESSAGE_FAILED);
      assertThat(pdfsIn(outgoing.resolve("letter"))).isEmpty();
      assertThat(smtp.getReceivedMessages()).isEmpty();
    } finally {
      smtp.stop();
    }
  }
}
