package dev.dunning.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is fixed in advance (derived from the outbox idempotency key)
 * instead of the random one Jakarta Mail makes in {@code saveChanges()}, so every retry of a
 * message carries the same id and receiving systems can discard duplicates.
 */
public final class DunningMimeMessage extends MimeMessage {
  private final String messageId;

  public DunningMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  public String messageId() {
    return messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
