package dev.dunning.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A MIME message whose Message-ID is fixed in advance (derived from the outbox idempotency key)
 * instead of the random one Jakarta Mail makes in {@code saveChanges()}, so every retry of a
 * message carries the same id and receiving systems can discard duplicates.
 *
 * <p>It also records whether its content has been written out: an SMTP transport writes it only
 * after the server accepted MAIL FROM, RCPT TO and DATA, so a refusal that comes after it is about
 * the message itself, and one before it is not (see {@link SmtpFailures}). Used by one thread.
 */
public final class DunningMimeMessage extends MimeMessage {
  private final String messageId;
  private boolean contentSent;

  public DunningMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  public String messageId() {
    return messageId;
  }

  /** Whether the message has been written to a stream, i.e. handed to the server as SMTP data. */
  public boolean contentSent() {
    return contentSent;
  }

  @Override
  public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
    contentSent = true;
    super.writeTo(os, ignoreList);
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
