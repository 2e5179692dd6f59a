package dev.dunning.portal;

import java.util.Objects;

/**
 * A portal request the debtor can correct was refused (a file that is not a PDF, a promise date too
 * far ahead, a dispute without a reason, an action not possible right now). Nothing was stored.
 * The message is written for the debtor and never echoes their file name.
 *
 * @since 0.1
 */
public final class PortalRequestException extends IllegalArgumentException {
  private final String field;
  private final String code;

  public PortalRequestException(String field, String code, String message) {
    super(field + ": " + message);
    this.field = Objects.requireNonNull(field, "field");
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The request field at fault, e.g. {@code file}, {@code date}, {@code reason}; {@code action} if none. */
  public String field() {
    return field;
  }

  /** A stable code, e.g. {@code file.too_large}, {@code promise.too_late}. */
  public String code() {
    return code;
  }
}
