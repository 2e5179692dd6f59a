package dev.dunning.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The formal notice e-mail says it is also sent by registered letter only when the engine routed
 * this stage attempt to one: a host's router that drops the registered letter makes it say nothing
 * of the kind, however the stage is written.
 */
class MessageModelTest {
  private static final String SENTENCE = "which is also being sent to you by registered letter";
  private static final LocalDate DUE = LocalDate.of(2026, 2, 24);
  private static final Playbook NOTICE = Playbook.builder("notice")
      .stage(Stage.builder("formal_notice", StageKind.FORMAL_NOTICE).startDaysFromDueDate(1).deadlineDays(15)
          .channels(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL).delivery(Delivery.ALL)
          .template("formal_notice").build())
      .build();

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-02-20T10:00:00Z"));

  @Test
  void theDefaultRouterPostsTheRegisteredLetterAndTheEmailSaysSo() throws IOException {
    OutboundMessage email = formalNoticeEmail(b -> { });

    assertThat(MessageModel.of(email, clock)).containsEntry("registeredLetter", true);
    assertThat(text(email)).contains(SENTENCE);
  }

  @Test
  void aHostRouterThatDropsTheRegisteredLetterMakesTheEmailClaimNone() throws IOException {
    ChannelRouter noRegisteredLetters = (stage, debtor) -> stage.channels().stream()
        .filter(c -> c != ChannelType.REGISTERED_LETTER).toList();

    OutboundMessage email = formalNoticeEmail(b -> b.channelRouter(noRegisteredLetters));

    assertThat(MessageModel.of(email, clock)).containsEntry("registeredLetter", false);
    assertThat(text(email)).doesNotContain(SENTENCE).doesNotContainIgnoringCase("registered letter");
  }

  /** The formal notice e-mail as a real engine hands it to its channel. */
  private OutboundMessage formalNoticeEmail(Consumer<RecoveryEngineBuilder> customise) {
    RecordingChannel email = new RecordingChannel(ChannelType.EMAIL);
    RecoveryEngineBuilder builder = RecoveryEngine.builder().clock(clock).playbook(NOTICE).defaultPlaybook("notice")
        .creditor(new Creditor("acme", "Acme SRL", List.of(),
            new PostalAddress(List.of("Rue de la Loi 16"), "1000", "Bruxelles", "", "BE"),
            new Creditor.Letterhead("", "", "", null, "#8A1538"), "", "billing@acme.test", "BE68539007547034", ""))
        .channel(email).channel(new RecordingChannel(ChannelType.REGISTERED_LETTER));
    customise.accept(builder);
    RecoveryEngine engine = builder.build();
    Debtor debtor = Debtor.builder("D-1", "Ann Peeters").locale(Locale.ENGLISH).timeZone(ZoneId.of("Europe/Brussels"))
        .email("ann@example.test").address(new PostalAddress(List.of("Kerkstraat 12"), "9000", "Gent", "", "BE"))
        .build();
    engine.open(NewCase.builder("acme", debtor).id("C-1")
        .claim(Claim.of("F-1", DUE.minusDays(30), DUE, Money.of("100.00", "EUR"), "REF-1")).build());
    clock.set(DUE.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant());
    engine.tick();
    assertThat(email.sent()).hasSize(1);
    return email.sent().get(0);
  }

  /** The shipped English text of the formal notice, rendered for {@code message}. */
  private String text(OutboundMessage message) throws IOException {
    String path = TemplateCatalog.path("email", "formal_notice", "txt");
    try (InputStream in = getClass().getResourceAsStream("/dev/dunning/mail/templates/" + path + ".mustache")) {
      TemplateCatalog catalog = new TemplateCatalog(Map.of(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      return catalog.render(path, MessageModel.of(message, clock));
    }
  }
}
