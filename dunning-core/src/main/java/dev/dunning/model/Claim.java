package dev.dunning.model;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One unpaid invoice (or part of one) in a recovery case.
 *
 * @param invoiceNumber the creditor's invoice number
 * @param issueDate the invoice date
 * @param dueDate the last day the invoice could be paid without being late
 * @param amount the invoice total, more than zero
 * @param openBalance what was still unpaid when the case was opened, from 0 to {@code amount}
 * @param paymentReference the reference the debtor must quote when paying (e.g. a structured
 *     communication {@code +++090/9337/55493+++} or an RF creditor reference); may be empty
 * @since 0.1
 */
public record Claim(
    String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money amount, Money openBalance,
    String paymentReference) {

  public Claim {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(amount, "amount");
    openBalance = Objects.requireNonNullElse(openBalance, amount);
    paymentReference = Objects.requireNonNullElse(paymentReference, "");
    if (!openBalance.currency().equals(amount.currency())) {
      throw new CurrencyMismatchException(amount.currency(), openBalance.currency());
    }
    if (amount.amount().signum() <= 0) {
      throw new IllegalArgumentException("claim " + invoiceNumber + ": amount must be > 0, was " + amount);
    }
    if (openBalance.amount().signum() < 0 || openBalance.compareTo(amount) > 0) {
      throw new IllegalArgumentException("claim " + invoiceNumber + ": openBalance must be between 0 and the amount "
          + amount + ", was " + openBalance);
    }
    if (dueDate.isBefore(issueDate)) {
      throw new IllegalArgumentException("claim " + invoiceNumber + ": dueDate " + dueDate
          + " is before issueDate " + issueDate);
    }
  }

  /** A claim whose whole amount is open. */
  public static Claim of(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money amount,
      String paymentReference) {
    return new Claim(invoiceNumber, issueDate, dueDate, amount, amount, paymentReference);
  }

  public Currency currency() {
    return amount.currency();
  }
}
