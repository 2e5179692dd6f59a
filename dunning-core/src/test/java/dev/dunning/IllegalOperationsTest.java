package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.Claim;
import dev.dunning.model.IllegalTransitionException;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.Trigger;
import dev.dunning.spi.CaseNotFoundException;
import dev.dunning.testkit.CaseFixtures;
import java.time.LocalDate;
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
    RecoveryCase opened = f.openCase();
    int events = f.engine.timeline("C-1").size();
    assertThatThrownBy(() -> f.engine.resume("C-1", "", Actor.manager("anna")))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(f.current("C-1")).isEqualTo(opened);
    assertThat(f.engine.timeline("C-1")).hasSize(events);
  }

  @Test
  void aClaimOfNothingOrOfMoreThanItsAmountIsRefusedNamingTheField() {
    LocalDate issued = DUE.minusDays(30);
    assertThatThrownBy(() -> Claim.of("INV-1", issued, DUE, Money.of("-50.00", "EUR"), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("claim INV-1: amount must be > 0, was -50.00 EUR");
    assertThatThrownBy(() -> Claim.of("INV-1", issued, DUE, Money.of("0", "EUR"), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must be > 0");
    assertThatThrownBy(() -> new Claim("INV-1", issued, DUE, Money.of("100", "EUR"), Money.of("-1", "EUR"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("claim INV-1: openBalance must be between 0 and the amount 100.00 EUR, was -1.00 EUR");
    assertThatThrownBy(() -> new Claim("INV-1", issued, DUE, Money.of("100", "EUR"), Money.of("100.01", "EUR"), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openBalance must be between 0 and");
    assertThat(new Claim("INV-1", issued, DUE, Money.of("100", "EUR"), Money.of("0", "EUR"), "").openBalance())
        .isEqualTo(Money.of("0.00", "EUR"));
  }

  @Test
  void aCaseWithNothingOwedIsRefusedAndNothingIsStored() {
    Claim settled = new Claim("INV-0", DUE.minusDays(30), DUE, Money.of("100", "EUR"), Money.of("0", "EUR"), "");

    assertThatThrownBy(() -> f.engine.open(NewCase.builder(CaseFixtures.TENANT, CaseFixtures.debtor("D-0")).id("C-0")
        .claim(settled).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("claims: the open balance must be > 0, was 0.00 EUR");
    assertThat(f.engine.find("C-0")).isEmpty();
    assertThat(f.engine.tick().messagesQueued()).isZero();
  }

  @Test
  void aCaseForACreditorNotInTheDirectoryIsRefusedAndNothingIsStored() {
    assertThatThrownBy(() -> f.engine.open(NewCase.builder("nobody", CaseFixtures.debtor("D-9")).id("C-9")
        .claim(Claim.of("INV-9", DUE.minusDays(30), DUE, Money.of("10.00", "EUR"), "")).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenantId: no creditor 'nobody' in the creditor directory");
    assertThat(f.engine.find("C-9")).isEmpty();
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

  @Test
  void aHoldUntilATimeAlreadyPastIsRefusedAndChangesNothing() {
    RecoveryCase opened = f.openCase();

    assertThatThrownBy(() -> f.engine.hold("C-1", dev.dunning.model.HoldReason.PROMISE_TO_PAY,
        f.clock.instant().minusSeconds(1), "", Actor.debtor("portal")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("until must be in the future");
    assertThatThrownBy(() -> f.engine.hold("C-1", dev.dunning.model.HoldReason.PROMISE_TO_PAY,
        f.clock.instant(), "", Actor.debtor("portal")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.current("C-1")).isEqualTo(opened);
  }

  @Test
  void anOverpaymentClosesTheCaseAndNamesTheExcess() {
    f.openCase();

    RecoveryCase closed = f.engine.recordPayment("C-1", Money.of("1300.00", "EUR"), "bank", Actor.host("coda"));

    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo(Resolution.PAID);
    assertThat(f.engine.timeline("C-1")).filteredOn(e -> e.type() == dev.dunning.model.EventType.PAYMENT_RECORDED)
        .singleElement().extracting(dev.dunning.model.TimelineEvent::detail).asString()
        .endsWith("balance 0.00 EUR, overpaid by 65.44 EUR");
  }
}
