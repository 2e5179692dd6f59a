package dev.dunning.testkit;

import static dev.dunning.testkit.CaseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Actor;
import dev.dunning.model.Money;
import dev.dunning.portal.Instalment;
import dev.dunning.portal.PaymentPlan;
import dev.dunning.portal.PaymentPlanStore;
import dev.dunning.portal.PlanStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PaymentPlanStore} must meet, as a JUnit 5 suite: extend it and return
 * a fresh, empty store from {@link #createStore()}. The in-memory, H2 and PostgreSQL stores run it.
 *
 * @since 0.1
 */
public abstract class PaymentPlanStoreContract {
  protected PaymentPlanStore store;

  /** A new, empty store (or one whose tables were emptied). */
  protected abstract PaymentPlanStore createStore();

  @BeforeEach
  void freshStore() {
    store = createStore();
  }

  /** A plan of three monthly instalments (cents that do not divide evenly), as the debtor asked it. */
  public static PaymentPlan requested(String caseId) {
    return new PaymentPlan(caseId, PlanStatus.REQUESTED, List.of(
        new Instalment(1, LocalDate.of(2026, 3, 15), Money.of("411.52", "EUR")),
        new Instalment(2, LocalDate.of(2026, 4, 15), Money.of("411.52", "EUR")),
        new Instalment(3, LocalDate.of(2026, 5, 15), Money.of("411.52", "EUR"))),
        Money.of("0.00", "EUR"), T0, null, null, "Salaire le 10 – merci \"d'avance\"");
  }

  private static PaymentPlan approved(PaymentPlan p) {
    return new PaymentPlan(p.caseId(), PlanStatus.ACTIVE, p.instalments(), Money.of("50.10", "EUR"),
        p.requestedAt(), T0.plus(Duration.ofDays(1)), Actor.manager("marc"), "OK, first one on the 15th");
  }

  @Test
  void aSavedPlanReadsBackWithEveryField() {
    PaymentPlan plan = requested("C-1");

    store.save(plan);

    assertThat(store.find("C-1")).contains(plan);
  }

  @Test
  void savingAgainReplacesTheCasesLatestPlanWithItsDecision() {
    store.save(requested("C-1"));
    PaymentPlan decided = approved(requested("C-1"));

    store.save(decided);

    assertThat(store.find("C-1")).contains(decided);
  }

  @Test
  void eachCaseHasItsOwnPlanAndAnUnknownCaseNone() {
    store.save(requested("C-1"));
    PaymentPlan other = new PaymentPlan("C-2", PlanStatus.DECLINED,
        List.of(new Instalment(1, LocalDate.of(2027, 1, 31), Money.of("99.99", "GBP"))), Money.of("0", "GBP"),
        T0.plusSeconds(1), T0.plusSeconds(2), Actor.manager("ann"), "");
    store.save(other);

    assertThat(store.find("C-1")).contains(requested("C-1"));
    assertThat(store.find("C-2")).contains(other);
    assertThat(store.find("C-3")).isEmpty();
  }

  @Test
  void deletingForgetsTheCasesPlanOnlyAndDeletingNoneDoesNothing() {
    store.save(requested("C-1"));
    store.save(requested("C-2"));

    store.delete("C-1");
    store.delete("C-1");
    store.delete("C-404");

    assertThat(store.find("C-1")).isEmpty();
    assertThat(store.find("C-2")).contains(requested("C-2"));
  }
}
