package dev.dunning.mail.internal;

import dev.dunning.model.Money;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money and dates the way the JDK writes them for a locale (fr-BE {@code 1 234,56 €},
 * nl-BE {@code € 1.234,56}, LONG dates {@code 5 mars 2026}). Not thread-safe: one per message.
 */
public final class Formats {
  private final Locale locale;
  private final NumberFormat money;
  private final DateTimeFormatter dates;

  public Formats(Locale locale) {
    this(locale, NumberFormat.getCurrencyInstance(locale), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale));
  }

  private Formats(Locale locale, NumberFormat money, DateTimeFormatter dates) {
    this.locale = locale;
    this.money = money;
    this.dates = dates;
  }

  /**
   * Hands out {@link Formats} per locale from prototypes: looking a currency format up in the
   * JDK's locale data costs more than rendering a template, cloning one costs little. Thread-safe.
   */
  public static final class Cache {
    private final Map<Locale, Formats> prototypes = new ConcurrentHashMap<>();

    public Formats get(Locale locale) {
      Formats p = prototypes.computeIfAbsent(locale, Formats::new);
      // NumberFormat is mutable and not thread-safe: each rendering gets its own copy
      return new Formats(locale, (NumberFormat) p.money.clone(), p.dates);
    }
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
