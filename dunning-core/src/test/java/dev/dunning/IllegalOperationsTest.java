package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.IllegalTransitionException;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.Trigger;
import dev.dunning.spi.CaseNotFoundException;
import org.junit.jupiter.api.Test;

class IllegalOperationsTest {
  private final EngineFixture f = new EngineFixture();

  @Test
  void payingAClosedCaseAgainThrowsATypedExceptionAndChangesNothing() {
    f.openCase();
    RecoveryCase paid = f.engine.recordPayment("C-1", Money.of("1234.56", "EUR"), "1", Actor.host("bank"));
    int events = f.engine.timeline("C-1").size();

    assertThatThrownBy(() -> f.engine.recordPayment("C-1", Money.of("1.00", "EUR"), "2", Actor.host("bank")))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.status()).isEqualTo(CaseStatus.CLOSED);
          assertThat(e.trigger()).isEqualTo(Trigger.PAY_IN_FULL);
          assertThat(e).hasMessage("case C-1: PAY_IN_FULL is not allowed when the case is CLOSED");
        });
    assertThat(f.current("C-1")).isEqualTo(paid);
    assertThat(f.engine.timeline("C-1")).hasSize(events);
  }

  @Test
  void approvingACaseThatAwaitsNothingThrowsAndChangesNothing() {
    RecoveryCase opened = f.openCase();

    assertThatThrownBy(() -> f.engine.approve("C-1", Actor.manager("anna")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("APPROVE is not allowed when the case is OPEN");
    assertThat(f.current("C-1")).isEqualTo(opened);
  }

  @Test
  void resumingACaseThatIsNotOnHoldThrows() {
    f.openCase();
    assertThatThrownBy(() -> f.engine.resume("C-1", "", Actor.manager("anna")))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void closingAsPaidWithoutAPaymentIsRefused() {
    f.openCase();
    assertThatThrownBy(() -> f.engine.close("C-1", Resolution.PAID, "", Actor.manager("anna")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record a payment");
  }

  @Test
  void aPaymentInAnotherCurrencyOrNotPositiveIsRefused() {
    f.openCase();
    assertThatThrownBy(() -> f.engine.recordPayment("C-1", Money.of("10", "USD"), "", Actor.host("bank")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
    assertThatThrownBy(() -> f.engine.recordPayment("C-1", Money.of("0", "EUR"), "", Actor.host("bank")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be > 0");
  }

  @Test
  void anUnknownCaseIsNamed() {
    assertThatThrownBy(() -> f.engine.hold("nope", dev.dunning.model.HoldReason.MANUAL, null, "", Actor.manager("a")))
        .isInstanceOf(CaseNotFoundException.class).hasMessage("no case with id nope");
  }

  @Test
  void aHeldCaseAwaitingApprovalAsksAgainAfterItResumes() {
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    f.tickAt(sendTimeOn(DUE.plusDays(10)));
    f.tickAt(sendTimeOn(DUE.plusDays(19)));
    f.tickAt(sendTimeOn(DUE.plusDays(35)));
    assertThat(f.current("C-1").status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);

    f.engine.hold("C-1", dev.dunning.model.HoldReason.DISPUTE, null, "disputes the amount", Actor.debtor("portal"));
    assertThat(f.current("C-1").pendingStageId()).isNull();
    f.engine.resume("C-1", "dispute rejected", Actor.manager("anna"));
    f.engine.tick();

    assertThat(f.current("C-1").status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
    assertThat(f.current("C-1").pendingStageId()).isEqualTo("injunction");
  }

  @Test
  void aRemarkIsWrittenWithItsOperationOrNotAtAll() {
    f.openCase();
    f.engine.hold("C-1", dev.dunning.model.HoldReason.PROMISE_TO_PAY, null, "by phone", Actor.debtor("portal"),
        Remark.of(dev.dunning.model.EventType.PROMISE_TO_PAY, "promised by the 10th"));
    assertThat(f.eventTypes("C-1")).endsWith(dev.dunning.model.EventType.PROMISE_TO_PAY, dev.dunning.model.EventType.HELD);

    f.engine.writeOff("C-1", "insolvent", Actor.manager("anna"));
    int events = f.engine.timeline("C-1").size();
    assertThatThrownBy(() -> f.engine.hold("C-1", dev.dunning.model.HoldReason.DISPUTE, null, "", Actor.debtor("portal"),
        Remark.of(dev.dunning.model.EventType.DISPUTE_OPENED, "too late")))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(f.engine.timeline("C-1")).hasSize(events);
  }
}

