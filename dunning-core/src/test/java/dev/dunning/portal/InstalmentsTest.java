package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Money;
import dev.dunning.portal.internal.Instalments;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstalmentsTest {
  private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);

  @Test
  void the_remainder_goes_on_the_last_instalment_and_the_sum_is_exact() {
    List<Instalment> plan = Instalments.split(Money.of("100.00", "EUR"), 3, JAN_31);
    assertThat(plan).extracting(i -> i.amount().toString()).containsExactly("33.33 EUR", "33.33 EUR", "33.34 EUR");
    assertThat(plan.stream().map(Instalment::amount).reduce(Money::plus).orElseThrow()).isEqualTo(Money.of("100.00", "EUR"));
  }

  @Test
  void instalments_are_monthly_and_clamped_to_short_months() {
    assertThat(Instalments.split(Money.of("90.00", "EUR"), 3, JAN_31)).extracting(i -> i.dueDate().toString())
        .containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
  }

  @Test
  void currencies_without_decimals_split_in_whole_units() {
    assertThat(Instalments.split(Money.of("1000", "JPY"), 3, JAN_31)).extracting(i -> i.amount().toString())
        .containsExactly("333 JPY", "333 JPY", "334 JPY");
  }

  @Test
  void a_balance_too_small_for_the_count_is_refused() {
    assertThatThrownBy(() -> Instalments.split(Money.of("0.02", "EUR"), 3, JAN_31))
        .hasMessageContaining("cannot be split into 3 instalments");
  }

  @Test
  void coverage_counts_whole_instalments_only() {
    PaymentPlan plan = new PaymentPlan("c", PlanStatus.ACTIVE, Instalments.split(Money.of("100.00", "EUR"), 3, JAN_31),
        Money.of("0", "EUR"), java.time.Instant.EPOCH, null, null, null);
    assertThat(plan.coveredBy(Money.of("33.32", "EUR"))).isZero();
    assertThat(plan.coveredBy(Money.of("66.66", "EUR"))).isEqualTo(2);
    assertThat(plan.nextDue(Money.of("66.66", "EUR")).orElseThrow().number()).isEqualTo(3);
    assertThat(plan.nextDue(Money.of("100.00", "EUR"))).isEmpty();
  }
}
