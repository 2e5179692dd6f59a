package dev.dunning.mail.internal;

import dev.dunning.spi.DeliveryException;

/**
 * Refuses header values with a line break before they reach Jakarta Mail: a CR or LF in a name or a
 * subject is how a crafted value adds headers ({@code X\r\nBcc: …}). Failing the message is safer
 * than cleaning the value, and the error names the field to fix.
 */
public final class HeaderGuard {
  private HeaderGuard() {}

  /** {@code value}, if it has no CR or LF. */
  public static String require(String field, String value) throws DeliveryException {
    if (hasLineBreak(value)) {
      throw DeliveryException.permanent(field + " contains a line break (CR or LF), which is not allowed in an"
          + " e-mail header; correct the " + field, null);
    }
    return value;
  }

  public static boolean hasLineBreak(String value) {
    return value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0);
  }

  /** Whether {@code name} is a valid header field name (RFC 5322: printable ASCII but ':'). */
  public static boolean isFieldName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch < 33 || ch > 126 || ch == ':') {
        return false;
      }
    }
    return true;
  }
}
