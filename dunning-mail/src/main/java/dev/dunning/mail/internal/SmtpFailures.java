package dev.dunning.mail.internal;

import dev.dunning.spi.DeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Jakarta Mail failure into a retryable or permanent {@link DeliveryException}: an SMTP
 * reply of 5xx is permanent (the server will say the same next time: unknown mailbox, rejected
 * content), 4xx and network trouble (refused, reset, time-out) are retryable.
 *
 * <p>We compile against the Jakarta Mail API only, so the reply code is read from the exception
 * messages, where Angus (and other implementations) put the server's reply
 * ({@code 550 5.1.1 unknown user}), rather than from Angus-specific exception types.
 */
public final class SmtpFailures {
  private static final Pattern REPLY = Pattern.compile("^\\s*([2-5])(\\d\\d)[ -]");

  private SmtpFailures() {}

  public static DeliveryException classify(MessagingException failure, String what) {
    int code = replyCode(failure);
    String reason = what + ": " + describe(failure);
    if (code >= 500) {
      return DeliveryException.permanent(reason, failure);
    }
    if (code < 0 && hasCause(failure, AddressException.class)) {
      return DeliveryException.permanent(reason, failure);
    }
    return DeliveryException.retryable(reason, failure);
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
