package dev.dunning.intake;

import dev.dunning.portal.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unpaid invoice of a demand, as the colleague typed it. Any field may be missing or wrong:
 * {@link IntakeService#validate} says which.
 *
 * @param number the invoice number
 * @param issueDate the invoice date
 * @param dueDate the date it had to be paid by; must have passed
 * @param amount the unpaid amount, in {@code currency}
 * @param currency the ISO 4217 code, e.g. {@code EUR}
 * @param copy a PDF copy of the invoice to attach to e-mails, or {@code null}
 * @since 0.1
 */
public record DemandInvoice(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency,
    Upload copy) {

  /** An invoice without a PDF copy. */
  public static DemandInvoice of(String number, LocalDate issueDate, LocalDate dueDate, String amount, String currency) {
    return new DemandInvoice(number, issueDate, dueDate, new BigDecimal(amount), currency, null);
  }

  /** This invoice with a PDF copy. */
  public DemandInvoice withCopy(Upload copy) {
    return new DemandInvoice(number, issueDate, dueDate, amount, currency, copy);
  }
}
