package dev.dunning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amountsAreRoundedHalfUpToTheCurrencysMinorUnits() {
    assertThat(Money.of("10.005", "EUR").amount()).isEqualTo(new BigDecimal("10.01"));
    assertThat(Money.of("10.5", "JPY").amount()).isEqualTo(new BigDecimal("11"));
    assertThat(Money.of("1.2345", "BHD").amount()).isEqualTo(new BigDecimal("1.235"));
    assertThat(Money.of("7", "EUR").amount()).isEqualTo(new BigDecimal("7.00"));
  }

  @Test
  void mixingCurrenciesThrowsAndNamesBoth() {
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("EUR").hasMessageContaining("USD");
    assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "GBP")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void arithmeticStaysExact() {
    Money a = Money.of("0.10", "EUR");
    Money sum = Money.zero("EUR");
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(a);
    }
    assertThat(sum).isEqualTo(Money.of("1.00", "EUR"));
    assertThat(Money.of("5", "EUR").minus(Money.of("7.5", "EUR")).isNegative()).isTrue();
  }

  @Test
  void knowsWhetherAnAmountFitsTheMinorUnits() {
    assertThat(Money.fitsMinorUnits(new BigDecimal("12.30"), Currency.getInstance("EUR"))).isTrue();
    assertThat(Money.fitsMinorUnits(new BigDecimal("12.301"), Currency.getInstance("EUR"))).isFalse();
    assertThat(Money.fitsMinorUnits(new BigDecimal("12.5"), Currency.getInstance("JPY"))).isFalse();
  }

  @Test
  void aCaseRefusesClaimsInTwoCurrencies() {
    var eur = dev.dunning.testkit.CaseFixtures.claim("A", "10.00");
    var usd = Claim.of("B", eur.issueDate(), eur.dueDate(), Money.of("5", "USD"), "");
    assertThatThrownBy(() -> dev.dunning.testkit.CaseFixtures.openCase("C", null).toBuilder()
        .claims(java.util.List.of(eur, usd)).build())
        .isInstanceOf(CurrencyMismatchException.class);
  }
}
