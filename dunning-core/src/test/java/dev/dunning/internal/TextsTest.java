package dev.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Money;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void amountsReadAsTheirToString() {
    for (Money m : new Money[] {Money.of("1234.56", "EUR"), Money.zero("EUR"), Money.of("-0.5", "EUR"),
        Money.of("1E+3", "JPY"), Money.of("12345678901234567890.129", "USD")}) {
      assertThat(Texts.appendMoney(new StringBuilder(), m)).hasToString(m.toString());
    }
  }
}
