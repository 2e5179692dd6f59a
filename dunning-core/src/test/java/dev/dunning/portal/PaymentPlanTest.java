package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentPlanTest extends CaseWithPortalLink {
  private static final Actor CLAIRE = Actor.manager("claire");
  private static final Actor BANK = Actor.host("bank import");
  private static final LocalDate FIRST = PortalFixtures.TODAY.plusDays(10);

  @BeforeEach
  void openCase() {
    c = f.openCase();
    token = f.tokenOf(c.id());
    assertThat(c.balance()).isEqualTo(Money.of("1200.00", "EUR"));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(PortalFixtures.BRUSSELS).toInstant();
  }

  private void requestAndApprove() {
    f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, FIRST, "seasonal business");
    f.review.approvePlan(c.id(), "ok for three months", CLAIRE);
  }

  @Test
  void a_request_holds_the_case_for_a_decision_with_an_exact_schedule() {
    PortalView view = f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, FIRST, "seasonal business");
    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN_REQUESTED);
    assertThat(view.plan().status()).isEqualTo(PlanStatus.REQUESTED);
    assertThat(view.plan().instalments()).extracting(i -> i.dueDate().toString(), i -> i.amount().toString())
        .containsExactly(org.assertj.core.api.Assertions.tuple("2026-03-12", "400.00 EUR"),
            org.assertj.core.api.Assertions.tuple("2026-04-12", "400.00 EUR"),
            org.assertj.core.api.Assertions.tuple("2026-05-12", "400.00 EUR"));
    assertThat(f.events(c.id(), EventType.PAYMENT_PLAN_REQUESTED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(PortalService.DEBTOR);
      assertThat(e.detail()).contains("3 monthly instalments from 2026-03-12", "seasonal business");
    });
  }

  @Test
  void bad_requests_are_refused_and_change_nothing() {
    assertThatThrownBy(() -> f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 1, FIRST, null))
        .hasMessageContaining("between 2 and 12 instalments");
    assertThatThrownBy(() -> f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 13, FIRST, null))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> assertThat(e.code()).isEqualTo("plan.instalments.range"));
    assertThatThrownBy(() -> f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, PortalFixtures.TODAY.minusDays(1), null))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> assertThat(e.code()).isEqualTo("plan.first_date.past"));
    assertThatThrownBy(() -> f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, PortalFixtures.TODAY.plusDays(31), null))
        .isInstanceOfSatisfying(PortalRequestException.class, e -> assertThat(e.code()).isEqualTo("plan.first_date.too_late"));
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.plans.find(c.id())).isEmpty();
  }

  @Test
  void an_approved_plan_holds_until_the_first_instalment_plus_grace() {
    requestAndApprove();
    RecoveryCase held = f.current(c.id());
    assertThat(held.hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN);
    assertThat(held.hold().until()).isEqualTo(startOf(LocalDate.of(2026, 3, 16)));
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(f.events(c.id(), EventType.PAYMENT_PLAN_DECIDED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(CLAIRE));
    assertThat(f.told).containsExactly("plan ACTIVE " + c.id());
  }

  @Test
  void each_payment_covering_the_instalment_due_extends_the_hold_to_the_next_one() {
    requestAndApprove();
    f.engine.recordPayment(c.id(), Money.of("399.99", "EUR"), "short", BANK);
    assertThat(f.current(c.id()).hold().until()).isEqualTo(startOf(LocalDate.of(2026, 3, 16)));

    f.engine.recordPayment(c.id(), Money.of("0.01", "EUR"), "rest", BANK);
    assertThat(f.current(c.id()).hold().until()).isEqualTo(startOf(LocalDate.of(2026, 4, 16)));

    f.engine.recordPayment(c.id(), Money.of("800.00", "EUR"), "both remaining", BANK);
    RecoveryCase paid = f.current(c.id());
    assertThat(paid.resolution()).isEqualTo(Resolution.PAID);
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.COMPLETED);
  }

  @Test
  void a_missed_instalment_lets_the_hold_expire_and_escalation_resume_by_itself() {
    requestAndApprove();
    f.engine.recordPayment(c.id(), Money.of("400.00", "EUR"), "1/3", BANK);
    int sent = f.channel(ChannelType.EMAIL).sentFor(c.id()).size();

    f.clock.set(startOf(LocalDate.of(2026, 4, 16)).minusSeconds(1));
    f.engine.tick();
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.ON_HOLD);

    f.clock.set(startOf(LocalDate.of(2026, 4, 16)));
    f.engine.tick();
    RecoveryCase resumed = f.current(c.id());
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(resumed.balance()).isEqualTo(Money.of("800.00", "EUR"));
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.LAPSED);
    assertThat(f.channel(ChannelType.EMAIL).sentFor(c.id())).hasSize(sent + 1);
  }

  @Test
  void a_declined_plan_resumes_escalation_and_the_debtor_is_told() {
    f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 6, FIRST, null);
    assertThatThrownBy(() -> f.review.declinePlan(c.id(), "", CLAIRE)).hasMessageContaining("reason");
    RecoveryCase resumed = f.review.declinePlan(c.id(), "six months is too long for this amount", CLAIRE);
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.DECLINED);
    assertThat(f.told).containsExactly("plan DECLINED " + c.id());
    assertThatThrownBy(() -> f.review.approvePlan(c.id(), "changed my mind", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not awaiting a decision on payment_plan_requested");
  }

  @Test
  void a_late_decision_needs_a_new_first_date_and_recomputes_on_todays_balance() {
    f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, FIRST, null);
    f.engine.recordPayment(c.id(), Money.of("200.00", "EUR"), "goodwill", BANK);
    f.clock.set(startOf(FIRST.plusDays(1)));
    assertThatThrownBy(() -> f.review.approvePlan(c.id(), "ok", CLAIRE)).hasMessageContaining("has passed");
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.REQUESTED);

    f.review.approvePlan(c.id(), FIRST.plusDays(7), "ok, from the 19th", CLAIRE);
    assertThat(f.plans.find(c.id()).orElseThrow().instalments()).extracting(i -> i.amount().toString())
        .containsExactly("333.33 EUR", "333.33 EUR", "333.34 EUR");
  }
}
