package dev.dunning.internal;

import dev.dunning.model.Money;

/**
 * Appends the values timeline texts name straight to a builder, with the very characters their
 * {@code toString()} gives, without the intermediate string: texts are built on every transition.
 */
public final class Texts {
  private Texts() {}

  /** {@code money.toString()}: {@code 1234.56 EUR}. */
  public static StringBuilder appendMoney(StringBuilder to, Money money) {
    return to.append(money.amount().toPlainString()).append(' ').append(money.currencyCode());
  }
}
