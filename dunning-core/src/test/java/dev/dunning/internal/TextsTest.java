package dev.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void datesReadAsTheirToString() {
    for (LocalDate d : new LocalDate[] {LocalDate.of(2026, 3, 10), LocalDate.of(2026, 12, 1), LocalDate.of(1000, 1, 1),
        LocalDate.of(9999, 12, 31), LocalDate.of(999, 5, 5), LocalDate.of(10_000, 1, 1), LocalDate.of(-1, 1, 1)}) {
      assertThat(Texts.appendDate(new StringBuilder("x"), d)).hasToString("x" + d);
    }
  }

  @Test
  void amountsReadAsTheirToString() {
    for (Money m : new Money[] {Money.of("1234.56", "EUR"), Money.zero("EUR"), Money.of("-0.5", "EUR"),
        Money.of("1E+3", "JPY"), Money.of("12345678901234567890.129", "USD")}) {
      assertThat(Texts.appendMoney(new StringBuilder(), m)).hasToString(m.toString());
    }
  }
}
