package dev.dunning.spi;

import java.util.Objects;

/**
 * The result of sending one message in a batch: a receipt or a failure.
 *
 * @param message the message
 * @param receipt the receipt if sent, else {@code null}
 * @param failure the failure if not sent, else {@code null}
 * @since 0.1
 */
public record DeliveryResult(OutboundMessage message, Receipt receipt, DeliveryException failure) {
  public DeliveryResult {
    Objects.requireNonNull(message, "message");
    if ((receipt == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of receipt and failure must be given");
    }
  }

  public static DeliveryResult sent(OutboundMessage message, Receipt receipt) {
    return new DeliveryResult(message, receipt, null);
  }

  public static DeliveryResult failed(OutboundMessage message, DeliveryException failure) {
    return new DeliveryResult(message, null, failure);
  }

  public boolean isSent() {
    return receipt != null;
  }
}
