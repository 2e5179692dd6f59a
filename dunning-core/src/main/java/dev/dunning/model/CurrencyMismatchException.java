package dev.dunning.model;

import java.util.Currency;

/**
 * Thrown when two {@link Money} amounts in different currencies are combined or compared.
 *
 * @since 0.1
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CurrencyMismatchException(Currency left, Currency right) {
    super("cannot combine " + left.getCurrencyCode() + " with " + right.getCurrencyCode()
        + ": amounts in different currencies are never converted implicitly");
  }
}
