package dev.dunning.portal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import dev.dunning.testkit.CaseFixtures;
import org.junit.jupiter.api.Test;

class PaymentPlansAttachmentTest {

  @Test
  void plansRegisteredAsAListenerServeTheEngineThatBuiltThemAndNoOther() {
    PaymentPlans plans = new PaymentPlans(new InMemoryPaymentPlanStore());
    RecoveryEngine first = engineWith(plans);

    assertThatCode(() -> plans.bind(first)).doesNotThrowAnyException();
    assertThatThrownBy(() -> engineWith(plans))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("these PaymentPlans already serve another RecoveryEngine");
  }

  private static RecoveryEngine engineWith(PaymentPlans plans) {
    RecoveryEngineBuilder b = RecoveryEngine.builder().clock(MutableClock.at("2026-03-01T08:00:00Z"))
        .creditor(CaseFixtures.creditor()).listener(plans);
    RecordingChannel.forEveryType().forEach(b::channel);
    return b.build();
  }
}
