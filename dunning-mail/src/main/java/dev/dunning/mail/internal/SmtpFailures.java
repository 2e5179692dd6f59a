package dev.dunning.mail.internal;

import dev.dunning.spi.DeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Jakarta Mail failure into a retryable or permanent {@link DeliveryException}. Permanent
 * means "this debtor's message can never go out this way", so the engine falls back to the stage's
 * next channel (a paper letter): only the recipient's address or the message itself can be refused
 * for good. Whatever concerns the channel's own setup — opening the session (greeting, EHLO,
 * STARTTLS, login), the sender the relay accepts — would refuse every message of every debtor in
 * the same way, so it is retried: the engine's backoff gives an operator time to fix the settings,
 * and a configuration error never turns a whole batch into letters.
 *
 * <ul>
 *   <li>permanent: the recipient refused ({@link SendFailedException} listing invalid addresses,
 *       i.e. a 5xx reply to RCPT TO), a 5xx reply once the message data was sent (content refused),
 *       an address Jakarta Mail cannot parse;
 *   <li>retryable: everything else, in particular any failure while connecting, a 5xx reply to
 *       MAIL FROM (sender or relay configuration), 552 to RCPT TO (RFC 5321 §4.5.3.1.10 says to treat
 *       it as 452), 4xx replies, time-outs and lost connections.
 * </ul>
 *
 * <p>We compile against the Jakarta Mail API only, which does not say which command a reply
 * answered, so the reply code is read from the exception messages (where Angus and other
 * implementations put the server's reply, {@code 550 5.1.1 unknown user}), and "after the message
 * data" is what {@link DunningMimeMessage#contentSent()} records: the transport writes the content
 * only once the server has accepted MAIL FROM, RCPT TO and DATA.
 */
public final class SmtpFailures {
  private static final Pattern REPLY = Pattern.compile("^\\s*([2-5])(\\d\\d)[ -]");

  private static final int SIZE_EXCEEDED = 552;

  private SmtpFailures() {}

  /** A failure while opening the session (connect, greeting, EHLO, STARTTLS, login): always retryable. */
  public static DeliveryException connecting(MessagingException failure, String what) {
    return DeliveryException.retryable(what + ": " + describe(failure), failure);
  }

  /**
   * A failure of {@code Transport.sendMessage}.
   *
   * @param contentSent whether the transport had written the message data when it failed
   * @param refusesSender {@link #refusesSender(MessagingException, boolean)} of the same failure, which
   *     the caller also needs (to log it)
   */
  public static DeliveryException classify(MessagingException failure, String what, boolean contentSent,
      boolean refusesSender) {
    String reason = what + ": " + describe(failure);
    if (refusesRecipient(failure)) {
      return DeliveryException.permanent(reason, failure);
    }
    int code = replyCode(failure);
    if (code >= 500 && contentSent) {
      return DeliveryException.permanent(reason, failure);
    }
    if (code < 0 && hasCause(failure, AddressException.class)) {
      return DeliveryException.permanent(reason, failure);
    }
    if (refusesSender) {
      return DeliveryException.retryable(reason + " (refused before the message data, so not for this debtor:"
          + " check the sender address and what the relay allows it)", failure);
    }
    return DeliveryException.retryable(reason, failure);
  }

  /**
   * Whether the server refused the sending itself (a 5xx before the content and not about the
   * recipient, e.g. to MAIL FROM): a setup problem an operator has to fix, like a failed login.
   */
  public static boolean refusesSender(MessagingException failure, boolean contentSent) {
    int code = replyCode(failure);
    // 552 before the data is "mailbox full" or "message too large" for the SIZE announced: not the sender
    return !contentSent && code >= 500 && code != SIZE_EXCEEDED && !refusesRecipient(failure);
  }

  /** A rejected RCPT TO: Jakarta Mail lists the address among the invalid ones (Angus does for 5xx but 552). */
  private static boolean refusesRecipient(MessagingException failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof SendFailedException sent && sent.getInvalidAddresses() != null
          && sent.getInvalidAddresses().length > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the failure came from the connection itself rather than from a reply the server gave. */
  public static boolean isConnectionLost(MessagingException failure) {
    return replyCode(failure) < 0;
  }

  /** The first SMTP reply code in the chain of failures, or -1. */
  static int replyCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      String message = t.getMessage();
      if (message != null) {
        Matcher m = REPLY.matcher(message);
        if (m.find()) {
          return Integer.parseInt(m.group(1) + m.group(2));
        }
      }
    }
    return -1;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String describe(MessagingException failure) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 4; t = next(t), depth++) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      if (sb.indexOf(message) < 0) {
        if (sb.length() > 0) {
          sb.append(" / ");
        }
        sb.append(t instanceof IOException ? t.getClass().getSimpleName() + ": " + message : message);
      }
    }
    return sb.toString();
  }
}
