package dev.dunning.portal.internal;

import dev.dunning.model.Money;
import dev.dunning.portal.Instalment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Splits a balance into monthly instalments, exactly: equal parts rounded down, the remainder on the last. */
public final class Instalments {
  private Instalments() {}

  /**
   * {@code count} monthly instalments from {@code first} summing exactly to {@code balance}.
   *
   * @throws IllegalArgumentException if an instalment would be less than one minor unit
   */
  public static List<Instalment> split(Money balance, int count, LocalDate first) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    BigDecimal total = balance.amount();
    BigDecimal part = total.divide(BigDecimal.valueOf(count), total.scale(), RoundingMode.DOWN);
    if (part.signum() <= 0) {
      throw new IllegalArgumentException(balance + " cannot be split into " + count + " instalments");
    }
    List<Instalment> plan = new ArrayList<>(count);
    for (int i = 0; i < count - 1; i++) {
      plan.add(new Instalment(i + 1, first.plusMonths(i), new Money(part, balance.currency())));
    }
    BigDecimal last = total.subtract(part.multiply(BigDecimal.valueOf(count - 1)));
    plan.add(new Instalment(count, first.plusMonths(count - 1), new Money(last, balance.currency())));
    return plan;
  }
}
