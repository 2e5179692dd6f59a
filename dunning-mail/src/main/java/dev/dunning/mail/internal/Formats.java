package dev.dunning.mail.internal;

import dev.dunning.model.Money;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Money and dates the way the JDK writes them for a locale (fr-BE {@code 1 234,56 €},
 * nl-BE {@code € 1.234,56}, LONG dates {@code 5 mars 2026}). Not thread-safe: one per message.
 */
public final class Formats {
  private final Locale locale;
  private final NumberFormat money;
  private final DateTimeFormatter dates;

  public Formats(Locale locale) {
    this.locale = locale;
    // NumberFormat instances are mutable and not thread-safe, hence one Formats per rendering
    this.money = NumberFormat.getCurrencyInstance(locale);
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
  }

  public Locale locale() {
    return locale;
  }

  public String money(Money amount) {
    money.setCurrency(amount.currency());
    int digits = Math.max(0, amount.currency().getDefaultFractionDigits());
    money.setMinimumFractionDigits(digits);
    money.setMaximumFractionDigits(digits);
    return money.format(amount.amount());
  }

  public String date(LocalDate date) {
    return date == null ? "" : dates.format(date);
  }
}
