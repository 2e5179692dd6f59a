package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.memory.InMemoryDocumentStore;
import dev.dunning.memory.InMemoryPortalTokenStore;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Money;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentRenderer;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.PortalLinkIssuer;
import dev.dunning.spi.StoredDocument;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The copy of a letter kept at rest never holds a live portal link: it is rendered with the token
 * redacted, while every copy that goes out carries the link of its own delivery attempt.
 */
class ArchivedLetterTest {
  private final MutableClock clock = MutableClock.at(PortalFixtures.START);
  private final InMemoryDocumentStore documents = new InMemoryDocumentStore(clock);
  private final PortalLinks links = PortalLinks.builder(new InMemoryPortalTokenStore(), clock)
      .baseUri("https://pay.example/p/{tenant}/{token}").build();
  private final RecordingChannel email = new RecordingChannel(ChannelType.EMAIL);
  private final RecordingChannel registered = new RecordingChannel(ChannelType.REGISTERED_LETTER);
  private final AtomicInteger renders = new AtomicInteger();

  /** Writes the link it is given into the letter, as a real template does. */
  private final DocumentRenderer renderer = message -> {
    renders.incrementAndGet();
    return new Document("formal-notice.pdf", Document.PDF, ("%PDF-1.7 pay online at " + message.portalLink())
        .getBytes(StandardCharsets.UTF_8));
  };

  private final RecoveryEngine engine = RecoveryEngine.builder().clock(clock)
      .creditor(PortalFixtures.creditor(PortalFixtures.TENANT, "Acme SA"))
      .playbook(Playbook.builder("notice").stage(Stage.builder("formal_notice", StageKind.FORMAL_NOTICE)
          .startDaysFromDueDate(1).deadlineDays(15).channels(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL)
          .delivery(Delivery.ALL).template("formal_notice").build()).build())
      .channel(email).channel(registered).documentRenderer(renderer).documentStore(documents)
      .portalLinks(links).listener(links).build();

  private String openCase() {
    return engine.open(NewCase.builder(PortalFixtures.TENANT, PortalFixtures.debtor())
        .claim(Claim.of("INV-1", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), Money.of("500.00", "EUR"), ""))
        .build()).id();
  }

  private static String text(Document d) {
    return new String(d.content(), StandardCharsets.UTF_8);
  }

  private static String token(OutboundMessage m) {
    String path = m.portalLink().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private List<String> storedLetters(String caseId) {
    return documents.list(caseId).stream().filter(d -> d.kind() == DocumentKind.LETTER)
        .map(d -> text(documents.content(d.id()).orElseThrow())).toList();
  }

  @Test
  void the_stored_letter_has_the_link_redacted_and_each_sent_copy_has_its_own_link() {
    String caseId = openCase();
    engine.tick();

    OutboundMessage mailed = email.sentFor(caseId).get(0);
    OutboundMessage posted = registered.sentFor(caseId).get(0);
    assertThat(text(mailed.attachments().get(0))).contains(mailed.portalLink().toString());
    assertThat(text(posted.attachments().get(0))).contains(posted.portalLink().toString());
    assertThat(storedLetters(caseId)).singleElement().satisfies(stored -> assertThat(stored)
        .contains("https://pay.example/p/acme/" + PortalLinkIssuer.REDACTED_TOKEN)
        .doesNotContain(token(mailed), token(posted)));
    assertThat(renders).as("one extra render per message that carries a link").hasValue(3);
  }

  @Test
  void a_retried_message_carries_the_link_of_its_own_attempt_and_nothing_more_is_stored() {
    String caseId = openCase();
    email.failWith(RecordingChannel.Failure.TRANSIENT);
    engine.tick();
    email.failWith(null);
    clock.advance(Duration.ofHours(2));
    engine.tick();

    OutboundMessage retried = email.sentFor(caseId).get(0);
    assertThat(retried.message().attempts()).isEqualTo(1);
    assertThat(text(retried.attachments().get(0))).contains(retried.portalLink().toString());
    assertThat(storedLetters(caseId)).singleElement()
        .satisfies(stored -> assertThat(stored).doesNotContain(token(retried)));
  }

  @Test
  void without_a_link_the_letter_is_rendered_once_and_the_stored_copy_is_the_one_sent() {
    RecoveryEngine noPortal = RecoveryEngine.builder().clock(clock)
        .creditor(PortalFixtures.creditor(PortalFixtures.TENANT, "Acme SA"))
        .playbook(engine.playbook("notice")).channel(email).channel(registered).documentRenderer(renderer)
        .documentStore(documents).build();
    String caseId = noPortal.open(NewCase.builder(PortalFixtures.TENANT, PortalFixtures.debtor())
        .claim(Claim.of("INV-2", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), Money.of("500.00", "EUR"), ""))
        .build()).id();
    noPortal.tick();

    StoredDocument stored = documents.list(caseId).get(0);
    assertThat(email.sentFor(caseId).get(0).attachments().get(0)).isEqualTo(documents.content(stored.id()).orElseThrow());
    assertThat(renders).hasValue(1);
  }
}
