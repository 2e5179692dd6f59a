package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.testing.RecordingChannel;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryLadderTest {
  private final EngineFixture f = new EngineFixture();

  @Test
  void aTickBeforeTheDueDateDoesNothing() {
    RecoveryCase opened = f.openCase();

    TickReport report = f.tickAt(sendTimeOn(DUE));

    assertThat(report.isIdle()).isTrue();
    assertThat(f.current("C-1")).isEqualTo(opened);
    assertThat(f.sentCount()).isZero();
  }

  @Test
  void firstReminderGivesEightDaysThenSecondReminderThenFormalNoticeThenInjunctionAfterApproval() {
    f.openCase();

    // the day after the due date: first reminder by e-mail, 8 days to pay
    TickReport first = f.tickAt(sendTimeOn(DUE.plusDays(1)));
    assertThat(first.casesAdvanced()).isEqualTo(1);
    assertThat(first.messagesQueued()).isEqualTo(1);
    assertThat(first.delivered()).isEqualTo(1);
    assertThat(f.current("C-1")).satisfies(c -> {
      assertThat(c.stageId()).isEqualTo("reminder1");
      assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 2, 23));
      assertThat(c.nextActionAt()).isEqualTo(sendTimeOn(LocalDate.of(2026, 2, 24)));
    });
    assertThat(f.sent(ChannelType.EMAIL)).singleElement().satisfies(m -> {
      assertThat(m.message().stageId()).isEqualTo("reminder1");
      assertThat(m.message().deadline()).isEqualTo(LocalDate.of(2026, 2, 23));
      assertThat(m.message().amountDue()).isEqualTo(Money.of("1234.56", "EUR"));
    });

    // nothing while the deadline runs
    assertThat(f.tickAt(sendTimeOn(LocalDate.of(2026, 2, 23)).plusSeconds(3600)).isIdle()).isTrue();

    // the deadline passed: second reminder, a new 8-day deadline
    f.tickAt(sendTimeOn(LocalDate.of(2026, 2, 24)));
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 3, 4));

    // then the formal notice, by registered letter and e-mail, 15 days
    f.tickAt(sendTimeOn(LocalDate.of(2026, 3, 5)));
    assertThat(f.current("C-1").stageId()).isEqualTo("formal_notice");
    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(f.sent(ChannelType.REGISTERED_LETTER)).hasSize(1);
    assertThat(f.sent(ChannelType.EMAIL)).extracting(m -> m.message().stageId())
        .containsExactly("reminder1", "reminder2", "formal_notice");

    // the injunction waits for a person
    f.tickAt(sendTimeOn(LocalDate.of(2026, 3, 21)));
    assertThat(f.current("C-1")).satisfies(c -> {
      assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
      assertThat(c.pendingStageId()).isEqualTo("injunction");
      assertThat(c.nextActionAt()).isNull();
    });
    assertThat(f.sent(ChannelType.COURT_FILING)).isEmpty();
    assertThat(f.tickAt(sendTimeOn(LocalDate.of(2026, 4, 21))).isIdle()).isTrue();

    // approved: filed with the court, recorded on the timeline
    f.engine.approve("C-1", Actor.manager("anna"));
    f.engine.tick();
    assertThat(f.current("C-1")).satisfies(c -> {
      assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
      assertThat(c.stageId()).isEqualTo("injunction");
    });
    assertThat(f.sent(ChannelType.COURT_FILING)).hasSize(1);
    assertThat(f.eventTypes("C-1")).containsSubsequence(EventType.OPENED, EventType.STAGE_ENTERED,
        EventType.MESSAGE_SENT, EventType.STAGE_ENTERED, EventType.STAGE_ENTERED, EventType.APPROVAL_REQUESTED,
        EventType.APPROVED, EventType.STAGE_ENTERED, EventType.MESSAGE_SENT);
    assertThat(f.engine.timeline("C-1")).filteredOn(e -> e.type() == EventType.APPROVED)
        .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.manager("anna")));

    // when the injunction's deadline passes the ladder is done: nothing else is ever sent
    int sentBefore = f.sentCount();
    f.tickAt(sendTimeOn(LocalDate.of(2026, 6, 1)));
    assertThat(f.current("C-1").nextActionAt()).isNull();
    assertThat(f.eventTypes("C-1")).endsWith(EventType.LADDER_COMPLETED);
    f.tickAt(sendTimeOn(LocalDate.of(2026, 12, 1)));
    assertThat(f.sentCount()).isEqualTo(sentBefore);
  }

  /** Stages: 1 = after reminder1, 2 = reminder2, 3 = formal notice, 4 = awaiting approval, 5 = injunction. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void aFullPaymentAtAnyStageClosesTheCaseAndNothingMoreIsSent(int stagesRun) {
    f.openCase();
    Instant[] stageTimes = {sendTimeOn(DUE.plusDays(1)), sendTimeOn(LocalDate.of(2026, 2, 24)),
        sendTimeOn(LocalDate.of(2026, 3, 5)), sendTimeOn(LocalDate.of(2026, 3, 21))};
    for (int i = 0; i < Math.min(stagesRun, 4); i++) {
      f.tickAt(stageTimes[i]);
    }
    if (stagesRun == 5) {
      f.engine.approve("C-1", Actor.manager("anna"));
      f.engine.tick();
    }
    int sentBefore = f.sentCount();

    RecoveryCase paid = f.engine.recordPayment("C-1", Money.of("1234.56", "EUR"), "bank statement 42", Actor.host("coda"));

    assertThat(paid.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(paid.resolution()).isEqualTo(Resolution.PAID);
    assertThat(paid.balance().isZero()).isTrue();
    assertThat(paid.nextActionAt()).isNull();
    f.tickAt(sendTimeOn(LocalDate.of(2026, 12, 31)));
    assertThat(f.sentCount()).isEqualTo(sentBefore);
    assertThat(f.eventTypes("C-1")).endsWith(EventType.PAYMENT_RECORDED, EventType.CLOSED);
  }

  @Test
  void aPartialPaymentLowersTheBalanceAndEscalationGoesOn() {
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));

    RecoveryCase after = f.engine.recordPayment("C-1", Money.of("234.56", "EUR"), null, Actor.host("coda"));
    f.tickAt(sendTimeOn(LocalDate.of(2026, 2, 24)));

    assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(after.balance()).isEqualTo(Money.of("1000.00", "EUR"));
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.sent(ChannelType.EMAIL)).last()
        .extracting(m -> m.message().amountDue()).isEqualTo(Money.of("1000.00", "EUR"));
  }

  @Test
  void aFullPaymentCancelsMessagesQueuedButNotYetSent() {
    f.openCase();
    RecordingChannel email = f.channels.get(ChannelType.EMAIL);
    email.failWith(RecordingChannel.Failure.TRANSIENT);
    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    assertThat(f.engine.messages("C-1")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.PENDING);

    f.engine.recordPayment("C-1", Money.of("1234.56", "EUR"), "paid", Actor.host("coda"));
    email.failWith(null);
    f.tickAt(sendTimeOn(DUE.plusDays(2)));

    assertThat(f.engine.messages("C-1")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.CANCELLED);
    assertThat(email.sent()).isEmpty();
    assertThat(f.eventTypes("C-1")).endsWith(EventType.PAYMENT_RECORDED, EventType.CLOSED, EventType.MESSAGES_CANCELLED);
    assertThat(f.engine.timeline("C-1")).last().satisfies(e -> {
      assertThat(e.detail()).contains("C-1:reminder1:1:email");
      assertThat(e.actor()).isEqualTo(Actor.host("coda"));
    });
  }

  @Test
  void aHoldUntilADatePausesEscalationAndItResumesByItself() {
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    Instant promised = sendTimeOn(LocalDate.of(2026, 3, 10));

    f.engine.hold("C-1", dev.dunning.model.HoldReason.PROMISE_TO_PAY, promised, "will pay on the 10th", Actor.debtor("portal"));
    f.tickAt(sendTimeOn(LocalDate.of(2026, 2, 24)));
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder1");
    assertThat(f.current("C-1").status()).isEqualTo(CaseStatus.ON_HOLD);

    f.tickAt(promised);

    assertThat(f.current("C-1").status()).isEqualTo(CaseStatus.OPEN);
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 3, 18));
    assertThat(f.eventTypes("C-1")).containsSubsequence(EventType.HELD, EventType.RESUMED, EventType.STAGE_ENTERED);
  }

  @Test
  void resumingWithAFreshDeadlineSendsTheCurrentStageAgain() {
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    f.engine.hold("C-1", dev.dunning.model.HoldReason.PROOF_UNDER_REVIEW, null, "proof uploaded", Actor.debtor("portal"));
    f.clock.set(sendTimeOn(LocalDate.of(2026, 2, 20)));

    RecoveryCase resumed = f.engine.resumeWithFreshDeadline("C-1", "proof rejected: amount does not match", Actor.manager("anna"));
    f.engine.tick();

    assertThat(resumed.stageId()).isEqualTo("reminder1");
    assertThat(resumed.stageAttempt()).isEqualTo(2);
    assertThat(resumed.deadline()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(f.sent(ChannelType.EMAIL)).extracting(OutboundMessage::message).extracting(OutboxMessage::idempotencyKey)
        .containsExactly("C-1:reminder1:1:email", "C-1:reminder1:2:email");
  }

  @Test
  void aClientOperationWorksWithoutAnyTick() {
    f.openCase();

    RecoveryCase written = f.engine.writeOff("C-1", "debtor insolvent", Actor.manager("anna"));

    assertThat(written.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(written.resolution()).isEqualTo(Resolution.WRITTEN_OFF);
    assertThat(f.engine.timeline("C-1")).extracting(e -> e.detail()).last().asString().contains("debtor insolvent");
  }

  @Test
  void aStageReissuedWithAFreshDeadlineDoesNotChargeItsFeeTwice() {
    dev.dunning.playbook.Playbook feeFirst = dev.dunning.playbook.Playbook.builder("fee")
        .stage(dev.dunning.playbook.Stage.builder("reminder1", dev.dunning.playbook.StageKind.REMINDER)
            .startDaysFromDueDate(1).deadlineDays(8).channels(ChannelType.EMAIL).fee("15.00").build())
        .build();
    EngineFixture withFee = new EngineFixture(b -> b.playbook(feeFirst));
    withFee.openCase();
    withFee.tickAt(sendTimeOn(DUE.plusDays(1)));
    withFee.engine.hold("C-1", dev.dunning.model.HoldReason.PROOF_UNDER_REVIEW, null, "", Actor.debtor("portal"));

    RecoveryCase reissued = withFee.engine.resumeWithFreshDeadline("C-1", "proof rejected", Actor.manager("anna"));

    assertThat(reissued.stageAttempt()).isEqualTo(2);
    assertThat(reissued.fees()).isEqualTo(Money.of("15.00", "EUR"));
  }
}
