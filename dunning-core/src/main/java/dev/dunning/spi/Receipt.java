package dev.dunning.spi;

import java.util.Objects;

/**
 * A channel's proof that it took a message: a provider id, a tracking number, a Message-ID.
 *
 * @param id the provider's id for the delivery (shown on the timeline)
 * @param detail anything else worth keeping, or empty
 * @since 0.1
 */
public record Receipt(String id, String detail) {
  public Receipt {
    Objects.requireNonNull(id, "id");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public static Receipt of(String id) {
    return new Receipt(id, "");
  }
}
