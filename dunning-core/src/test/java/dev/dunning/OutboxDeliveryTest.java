package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.Playbook;
import dev.dunning.policy.Backoff;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.testing.RecordingChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxDeliveryTest {

  @Test
  void aTransientFailureIsRetriedWithBackoffAndSentOnceWithTheSameKey() {
    EngineFixture f = new EngineFixture(b -> b.deliveryBackoff(Backoff.exponential(Duration.ofMinutes(1), 2, Duration.ofHours(1))));
    RecordingChannel email = f.channels.get(ChannelType.EMAIL);
    f.openCase();
    email.failWith(RecordingChannel.Failure.TRANSIENT);
    Instant start = sendTimeOn(DUE.plusDays(1));

    TickReport first = f.tickAt(start);
    assertThat(first.retrying()).isEqualTo(1);
    assertThat(f.tickAt(start.plusSeconds(59)).retrying()).isZero();
    assertThat(f.tickAt(start.plusSeconds(60)).retrying()).isEqualTo(1);   // 2nd attempt; next in 2 minutes
    email.failWith(null);
    assertThat(f.tickAt(start.plusSeconds(60 + 119)).delivered()).isZero();
    assertThat(f.tickAt(start.plusSeconds(60 + 120)).delivered()).isEqualTo(1);

    assertThat(email.sent()).singleElement().extracting(m -> m.message().idempotencyKey()).isEqualTo("C-1:reminder1:1:email");
    assertThat(f.engine.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(m.attempts()).isEqualTo(3);
      assertThat(m.receipt()).startsWith("email-");
    });
    assertThat(f.eventTypes("C-1")).containsSubsequence(EventType.MESSAGE_RETRY, EventType.MESSAGE_RETRY, EventType.MESSAGE_SENT);
  }

  @Test
  void afterTheLastAttemptTheMessageFailsWithTheErrorOnTheTimelineAndTheNextChannelIsUsed() {
    EngineFixture f = new EngineFixture(b -> b.maxDeliveryAttempts(2));
    f.channels.get(ChannelType.EMAIL).failWith(RecordingChannel.Failure.TRANSIENT);
    f.openCase();
    Instant start = sendTimeOn(DUE.plusDays(1));

    f.tickAt(start);
    TickReport second = f.tickAt(start.plus(Duration.ofMinutes(1)));

    assertThat(second.failed()).isEqualTo(1);
    assertThat(second.delivered()).isEqualTo(1);
    assertThat(f.engine.messages("C-1")).extracting(OutboxMessage::channel, OutboxMessage::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ChannelType.EMAIL, OutboxStatus.FAILED),
        org.assertj.core.groups.Tuple.tuple(ChannelType.LETTER, OutboxStatus.SENT));
    assertThat(f.engine.timeline("C-1")).filteredOn(e -> e.type() == EventType.MESSAGE_FAILED).singleElement()
        .extracting(TimelineEvent::detail).asString().contains("after 2 attempts").contains("told to fail").contains("letter");
  }

  @Test
  void aPermanentRejectionFailsAtOnceAndFallsBackToTheLetter() {
    EngineFixture f = new EngineFixture();
    f.channels.get(ChannelType.EMAIL).failWith(RecordingChannel.Failure.PERMANENT);
    f.openCase();

    TickReport report = f.tickAt(sendTimeOn(DUE.plusDays(1)));

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.delivered()).isEqualTo(1);
    assertThat(f.sent(ChannelType.LETTER)).singleElement()
        .extracting(m -> m.message().idempotencyKey()).isEqualTo("C-1:reminder1:1:letter");
    assertThat(f.eventTypes("C-1")).containsSubsequence(EventType.MESSAGE_FAILED, EventType.MESSAGE_QUEUED, EventType.MESSAGE_SENT);
  }

  @Test
  void aChannelThatThrowsNeverAbortsTheTickForOtherCases() {
    EngineFixture f = new EngineFixture(new BuggyEmail());
    f.openCase("C-1", "10.00");
    f.openCase("C-2", "20.00");

    TickReport report = f.tickAt(sendTimeOn(DUE.plusDays(1)));

    assertThat(report.casesAdvanced()).isEqualTo(2);
    assertThat(report.delivered()).isEqualTo(1);
    assertThat(report.retrying()).isEqualTo(1);
    assertThat(f.engine.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(m.lastError()).contains("NullPointerException");
    });
    assertThat(f.engine.messages("C-2")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aCaseWhoseProcessingThrowsIsRecordedAndRetriedWithBackoffWhileOthersProceed() {
    EscalationPolicy flaky = new EscalationPolicy() {
      private final EscalationPolicy base = EscalationPolicy.playbookOrder();

      @Override
      public Optional<dev.dunning.playbook.Stage> next(RecoveryCase c, Playbook playbook, Instant now) {
        if (c.id().equals("BAD") && !now.isBefore(sendTimeOn(DUE.plusDays(1))) && now.isBefore(sendTimeOn(DUE.plusDays(2)))) {
          throw new IllegalStateException("host policy bug");
        }
        return base.next(c, playbook, now);
      }
    };
    EngineFixture f = new EngineFixture(b -> b.escalationPolicy(flaky)
        .caseRetryBackoff(Backoff.exponential(Duration.ofMinutes(5), 2, Duration.ofHours(1))));
    f.openCase("BAD", "10.00");
    f.openCase("GOOD", "20.00");
    Instant start = sendTimeOn(DUE.plusDays(1));

    TickReport report = f.tickAt(start);

    assertThat(report.caseErrors()).isEqualTo(1);
    assertThat(report.casesAdvanced()).isEqualTo(1);
    assertThat(f.current("GOOD").stageId()).isEqualTo("reminder1");
    RecoveryCase bad = f.current("BAD");
    assertThat(bad.failures()).isEqualTo(1);
    assertThat(bad.nextActionAt()).isEqualTo(start.plus(Duration.ofMinutes(5)));
    assertThat(f.engine.timeline("BAD")).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.PROCESSING_FAILED);
      assertThat(e.detail()).contains("host policy bug");
    });

    f.tickAt(start.plus(Duration.ofMinutes(5)));
    assertThat(f.current("BAD").failures()).isEqualTo(2);
    assertThat(f.current("BAD").nextActionAt()).isEqualTo(start.plus(Duration.ofMinutes(15)));

    f.tickAt(sendTimeOn(DUE.plusDays(2)));
    assertThat(f.current("BAD").stageId()).isEqualTo("reminder1");
    assertThat(f.current("BAD").failures()).isZero();
  }

  @Test
  void aQueuedMessageWaitsWhileTheCaseIsOnHold() {
    EngineFixture f = new EngineFixture(b -> b.deliveryBackoff(Backoff.exponential(Duration.ofMinutes(1), 2, Duration.ofHours(1))));
    RecordingChannel email = f.channels.get(ChannelType.EMAIL);
    f.openCase();
    email.failWith(RecordingChannel.Failure.TRANSIENT);
    Instant start = sendTimeOn(DUE.plusDays(1));
    f.tickAt(start);                                               // queued, first attempt failed, retry in 1 minute
    f.clock.set(start.plusSeconds(30));
    f.engine.hold("C-1", dev.dunning.model.HoldReason.DISPUTE, null, "disputes the amount",
        dev.dunning.model.Actor.debtor("portal"));
    email.failWith(null);

    f.tickAt(start.plus(Duration.ofMinutes(1)));
    f.tickAt(start.plus(Duration.ofHours(3)));
    f.tickAt(start.plus(Duration.ofDays(2)));

    assertThat(email.sent()).isEmpty();
    assertThat(f.engine.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(m.attempts()).isEqualTo(1);                       // waiting is no delivery attempt
      assertThat(m.lastError()).contains("on hold (dispute");
    });
    assertThat(f.eventTypes("C-1")).filteredOn(t -> t == EventType.MESSAGE_DEFERRED).hasSize(1);

    f.engine.resume("C-1", "dispute rejected", dev.dunning.model.Actor.manager("anna"));
    f.tickAt(start.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));

    assertThat(email.sent()).singleElement().extracting(m -> m.message().idempotencyKey()).isEqualTo("C-1:reminder1:1:email");
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder1");
  }

  @Test
  void aReminderQueuedBeforeAPaymentPlanDoesNotGoOutDuringThePlan() {
    EngineFixture f = new EngineFixture();
    RecordingChannel email = f.channels.get(ChannelType.EMAIL);
    f.openCase();
    email.failWith(RecordingChannel.Failure.TRANSIENT);
    Instant start = sendTimeOn(DUE.plusDays(1));
    f.tickAt(start);
    f.clock.set(start.plusSeconds(10));
    Instant planEnds = sendTimeOn(DUE.plusDays(60));
    f.engine.hold("C-1", dev.dunning.model.HoldReason.PAYMENT_PLAN, planEnds, "3 instalments",
        dev.dunning.model.Actor.manager("anna"));
    email.failWith(null);

    for (int day = 1; day < 60; day += 7) {
      f.tickAt(start.plus(Duration.ofDays(day)));
    }
    assertThat(email.sent()).isEmpty();
    assertThat(f.engine.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(m.nextAttemptAt()).isEqualTo(planEnds);          // looked at again when the plan ends, not before
    });

    f.tickAt(planEnds);

    // the plan ended unpaid: escalation goes on with the next stage, and the old reminder, which
    // states a deadline long past, is cancelled rather than sent
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.engine.messages("C-1")).extracting(OutboxMessage::idempotencyKey, OutboxMessage::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("C-1:reminder1:1:email", OutboxStatus.CANCELLED),
        org.assertj.core.groups.Tuple.tuple("C-1:reminder2:1:email", OutboxStatus.SENT));
    assertThat(f.engine.timeline("C-1")).filteredOn(e -> e.type() == EventType.MESSAGES_CANCELLED).singleElement()
        .extracting(TimelineEvent::detail).asString().contains("C-1:reminder1:1:email").contains("superseded");
  }

  /** An e-mail adapter with a bug that only case C-1 triggers. */
  private static final class BuggyEmail implements dev.dunning.spi.Channel {
    @Override
    public ChannelType type() {
      return ChannelType.EMAIL;
    }

    @Override
    public dev.dunning.spi.Receipt send(dev.dunning.spi.OutboundMessage message) {
      if (message.recoveryCase().id().equals("C-1")) {
        throw new NullPointerException("bug");
      }
      return dev.dunning.spi.Receipt.of("ok");
    }
  }
}
