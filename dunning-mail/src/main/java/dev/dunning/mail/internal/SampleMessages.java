package dev.dunning.mail.internal;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two made-up messages that between them give every template variable a value and take every
 * optional one away (no portal link, no fees, no payments, no deadline, no registered letter), used to dry-run templates
 * when the engine is built: a template that fails on either would fail on a real debtor.
 */
final class SampleMessages {
  private static final Instant AT = Instant.parse("2026-03-05T09:00:00Z");

  private SampleMessages() {}

  static List<Map<String, Object>> models() {
    Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    return List.of(MessageModel.of(message(true), clock), MessageModel.of(message(false), clock));
  }

  private static OutboundMessage message(boolean full) {
    Debtor debtor = Debtor.builder("D-1", "Sample Debtor")
        .address(PostalAddress.of("Sample Street 1", "1000", "Brussels", "BE")).email("debtor@example.invalid")
        .build();
    Money amount = Money.of("1234.56", "EUR");
    List<Claim> claims = full
        ? List.of(Claim.of("INV-1", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 4), amount, "+++090/9337/55493+++"),
            Claim.of("INV-2", LocalDate.of(2026, 1, 9), LocalDate.of(2026, 2, 8), amount, ""))
        : List.of(Claim.of("INV-1", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 4), amount, ""));
    RecoveryCase c = new RecoveryCase.Builder().id("C-1").tenantId("T").playbookId("p").debtor(debtor)
        .claims(claims).openedAt(AT).stageId("s").stageAttempt(1)
        .fees(full ? Money.of("15", "EUR") : null).paid(full ? Money.of("100", "EUR") : null)
        .deadline(full ? LocalDate.of(2026, 3, 13) : null).build();
    Creditor creditor = new Creditor("T", "Sample Creditor", List.of(),
        PostalAddress.of("Creditor Street 2", "1000", "Brussels", "BE"), null,
        full ? "+32 2 555 01 01" : "", full ? "billing@example.invalid" : "",
        full ? "BE68539007547034" : "", full ? "GEBABEBB" : "");
    Stage stage = full
        ? Stage.builder("s", StageKind.REMINDER).channels(ChannelType.EMAIL, ChannelType.REGISTERED_LETTER)
            .delivery(Delivery.ALL).build()
        : Stage.builder("s", StageKind.REMINDER).channels(ChannelType.EMAIL).build();
    OutboxMessage m = OutboxMessage.pending("C-1", "T", "s", StageKind.REMINDER, 1, ChannelType.EMAIL, List.of(),
        "s", c.deadline(), c.balance(), AT);
    return new OutboundMessage(m, c, creditor, stage, Locale.ENGLISH,
        full ? URI.create("https://pay.example.invalid/p/token") : null, List.of());
  }
}
