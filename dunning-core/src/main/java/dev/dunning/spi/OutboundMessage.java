package dev.dunning.spi;

import dev.dunning.model.Creditor;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Stage;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a channel needs to deliver one outbox message: the message, the case as it is now,
 * the creditor it is sent for, the stage, the debtor's locale, the portal link and attachments.
 *
 * @param message the outbox message (its idempotency key identifies every attempt)
 * @param recoveryCase the case, as loaded at dispatch time
 * @param creditor the creditor (sender, letterhead, payment details)
 * @param stage the playbook stage that queued the message
 * @param locale the language to write in
 * @param portalLink the debtor's portal link, or {@code null}; contains a secret: never log it
 * @param attachments the letter and invoice copies to attach
 * @since 0.1
 */
public record OutboundMessage(OutboxMessage message, RecoveryCase recoveryCase, Creditor creditor, Stage stage,
    Locale locale, URI portalLink, List<Document> attachments) {
  public OutboundMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recoveryCase, "recoveryCase");
    Objects.requireNonNull(creditor, "creditor");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(locale, "locale");
    attachments = List.copyOf(Objects.requireNonNullElse(attachments, List.of()));
  }

  public OutboundMessage withAttachments(List<Document> attachments) {
    return new OutboundMessage(message, recoveryCase, creditor, stage, locale, portalLink, attachments);
  }

  @Override
  public String toString() {
    // the portal link carries a secret token: keep it out of logs
    return "OutboundMessage[" + message.idempotencyKey() + ", " + message.channel().code() + ", "
        + attachments.size() + " attachment(s)]";
  }
}
