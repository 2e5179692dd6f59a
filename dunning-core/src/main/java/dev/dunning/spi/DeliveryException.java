package dev.dunning.spi;

/**
 * A channel could not deliver a message. A <em>transient</em> failure (server unreachable, time-out,
 * 4xx SMTP reply) is retried with backoff; a <em>permanent</em> one (5xx rejection, invalid address)
 * fails the message and the stage's next channel is tried. Any other exception a channel throws is
 * treated as transient.
 *
 * @since 0.1
 */
public class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public static DeliveryException permanent(String message, Throwable cause) {
    return new DeliveryException(message, true, cause);
  }

  public static DeliveryException retryable(String message, Throwable cause) {
    return new DeliveryException(message, false, cause);
  }

  public boolean isPermanent() {
    return permanent;
  }
}
