package dev.dunning.spi;

import dev.dunning.internal.Codes;

/**
 * The delivery state of an outbox message.
 *
 * @since 0.1
 */
public enum OutboxStatus {
  /** Waiting to be delivered at {@code nextAttemptAt}. */
  PENDING("pending"),
  /** Claimed by a dispatcher under a lease; re-delivered by another if the lease expires. */
  IN_FLIGHT("in_flight"),
  SENT("sent"),
  /** Permanently rejected, or out of attempts. */
  FAILED("failed"),
  /** The case closed before the message went out. */
  CANCELLED("cancelled");

  private final String code;

  OutboxStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static OutboxStatus fromCode(String code) {
    return Codes.find(values(), code, OutboxStatus::code, "outbox status");
  }

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == CANCELLED;
  }
}
