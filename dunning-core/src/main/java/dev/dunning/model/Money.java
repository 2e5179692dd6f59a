package dev.dunning.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always rounded to that currency's minor units.
 *
 * <p>Arithmetic between two currencies throws {@link CurrencyMismatchException}: a balance in EUR
 * plus a fee in USD is a bug of the caller, never something to convert silently. Amounts are
 * rounded half-up (commercial rounding) to {@link Currency#getDefaultFractionDigits()} places, so
 * {@code Money.of("10.005", "EUR")} is 10.01 EUR and {@code Money.of("10.4", "JPY")} is 10 JPY.
 *
 * @param amount the amount, scaled to the currency's minor units
 * @param currency the ISO 4217 currency
 * @since 0.1
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int scale = minorUnits(currency);
    if (amount.scale() != scale) {
      amount = amount.setScale(scale, RoundingMode.HALF_UP);
    }
  }

  /** Parses {@code amount} (plain decimal notation, e.g. {@code "1234.56"}) in {@code currencyCode}. */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public static Money zero(String currencyCode) {
    return zero(Currency.getInstance(currencyCode));
  }

  /** Whether {@code amount} has no more decimals than {@code currency} allows (e.g. 2 for EUR, 0 for JPY). */
  public static boolean fitsMinorUnits(BigDecimal amount, Currency currency) {
    return amount.stripTrailingZeros().scale() <= minorUnits(currency);
  }

  private static int minorUnits(Currency currency) {
    // pseudo-currencies such as XXX report -1: treat them as having no minor units
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return other.amount.signum() == 0 ? this : new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return other.amount.signum() == 0 ? this : new Money(amount.subtract(other.amount), currency);
  }

  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public int signum() {
    return amount.signum();
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  /** {@code 1234.56 EUR}: plain, locale-independent; use {@code NumberFormat} for people. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
