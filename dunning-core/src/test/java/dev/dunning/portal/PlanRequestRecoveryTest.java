package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A case held for a decision on instalments always has a way out, even when the plan store lost
 * the request (the demo keeps plans in memory; a restart loses them).
 */
class PlanRequestRecoveryTest extends CaseWithPortalLink {
  private static final Actor CLAIRE = Actor.manager("claire");

  /** Accepts every plan and keeps none, as an in-memory store does across a restart. */
  private static class LosingPlanStore implements PaymentPlanStore {
    @Override
    public void save(PaymentPlan plan) {}

    @Override
    public Optional<PaymentPlan> find(String caseId) {
      return Optional.empty();
    }

    @Override
    public void delete(String caseId) {}
  }

  private final PaymentPlans losing = new PaymentPlans(new LosingPlanStore());
  private final ManagerReview review = new ManagerReview(f.engine, losing, DebtorNotifier.NONE);

  private void requestWithLostPlan() {
    f.portalWith(f.documents, losing).requestPaymentPlan(PortalFixtures.TENANT, token, 3,
        PortalFixtures.TODAY.plusDays(10), "");
    assertThat(f.current(c.id()).hold().reason()).isEqualTo(HoldReason.PAYMENT_PLAN_REQUESTED);
  }

  @Test
  void declining_a_request_the_store_lost_still_resumes_escalation() {
    requestWithLostPlan();
    assertThatThrownBy(() -> review.approvePlan(c.id(), "ok", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("decline it, or resume escalation");

    RecoveryCase resumed = review.declinePlan(c.id(), "please call us", CLAIRE);
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(resumed.nextActionAt()).isNotNull();
    assertThat(f.events(c.id(), EventType.PAYMENT_PLAN_DECIDED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("please call us", "not found in the plan store"));
  }

  @Test
  void a_manager_may_resume_a_case_held_for_a_lost_request() {
    requestWithLostPlan();
    RecoveryCase resumed = review.resume(c.id(), "request lost in a restart", CLAIRE);
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void a_manager_may_resume_any_hold_but_not_a_case_that_is_not_held() {
    assertThatThrownBy(() -> f.review.resume(c.id(), "why not", CLAIRE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not on hold");
    f.portal.dispute(PortalFixtures.TENANT, token, "never ordered", null);
    assertThatThrownBy(() -> f.review.resume(c.id(), " ", CLAIRE)).hasMessageContaining("reason");

    RecoveryCase resumed = f.review.resume(c.id(), "dispute withdrawn on the phone", CLAIRE);
    assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.events(c.id(), EventType.RESUMED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("dispute withdrawn on the phone"));
  }

  @Test
  void resuming_a_requested_plan_declines_it_and_tells_the_debtor() {
    f.portal.requestPaymentPlan(PortalFixtures.TENANT, token, 3, PortalFixtures.TODAY.plusDays(10), "");
    f.review.resume(c.id(), "call us instead", CLAIRE);
    assertThat(f.plans.find(c.id()).orElseThrow().status()).isEqualTo(PlanStatus.DECLINED);
    assertThat(f.told).containsExactly("plan DECLINED " + c.id());
  }

  @Test
  void a_request_whose_plan_cannot_be_saved_does_not_hold_the_case() {
    PaymentPlans failing = new PaymentPlans(new LosingPlanStore() {
      @Override
      public void save(PaymentPlan plan) {
        throw new IllegalStateException("plan store unavailable");
      }
    });
    assertThatThrownBy(() -> f.portalWith(f.documents, failing).requestPaymentPlan(PortalFixtures.TENANT, token, 3,
        PortalFixtures.TODAY.plusDays(10), "")).hasMessageContaining("plan store unavailable");
    assertThat(f.current(c.id()).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.events(c.id(), EventType.PAYMENT_PLAN_REQUESTED)).isEmpty();
  }
}
