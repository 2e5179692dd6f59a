package dev.dunning.internal;

import dev.dunning.model.Money;
import java.time.LocalDate;

/**
 * Appends the values timeline texts name straight to a builder, with the very characters their
 * {@code toString()} gives, without the intermediate strings: texts are built on every transition.
 */
public final class Texts {
  private Texts() {}

  /** {@code date.toString()}: {@code 2026-03-10}. */
  public static StringBuilder appendDate(StringBuilder to, LocalDate date) {
    int year = date.getYear();
    if (year < 1000 || year > 9999) {
      return to.append(date); // signs and more digits: leave them to the JDK
    }
    to.append(year).append('-');
    return twoDigits(twoDigits(to, date.getMonthValue()).append('-'), date.getDayOfMonth());
  }

  /** {@code money.toString()}: {@code 1234.56 EUR}. */
  public static StringBuilder appendMoney(StringBuilder to, Money money) {
    return to.append(money.amount().toPlainString()).append(' ').append(money.currencyCode());
  }

  private static StringBuilder twoDigits(StringBuilder to, int value) {
    return to.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
