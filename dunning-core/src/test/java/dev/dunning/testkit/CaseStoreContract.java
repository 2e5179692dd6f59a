package dev.dunning.testkit;

import static dev.dunning.testkit.CaseFixtures.T0;
import static dev.dunning.testkit.CaseFixtures.event;
import static dev.dunning.testkit.CaseFixtures.message;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Hold;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.CaseNotFoundException;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.spi.DuplicateCaseException;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.spi.StaleCaseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CaseStore} must meet, as a JUnit 5 suite: extend it, return a fresh,
 * empty store from {@link #createStore()}, and run it. The in-memory, H2 and PostgreSQL stores all
 * run it; so should yours.
 *
 * @since 0.1
 */
public abstract class CaseStoreContract {
  protected CaseStore store;

  /** A new, empty store (or one whose tables were emptied). */
  protected abstract CaseStore createStore();

  @BeforeEach
  void freshStore() {
    store = createStore();
  }

  // ------------------------------------------------------------ cases

  @Test
  void aCreatedCaseReadsBackWithEveryField() {
    RecoveryCase c = openCase("C-1", T0.plus(Duration.ofDays(1))).toBuilder()
        .stageId("reminder1").stageAttempt(2).deadline(LocalDate.of(2026, 3, 10))
        .fees(Money.of("15.00", "EUR")).paid(Money.of("10.01", "EUR")).failures(1).build();

    store.create(c, List.of(event("C-1", T0, EventType.OPENED, "opened")), List.of());

    assertThat(store.find("C-1")).contains(c);
    assertThat(store.find("C-1").orElseThrow().balance()).isEqualTo(Money.of("1289.50", "EUR"));
  }

  @Test
  void heldAwaitingAndClosedCasesKeepTheirReasonPendingStageAndResolution() {
    RecoveryCase held = openCase("H", null).toBuilder().status(CaseStatus.ON_HOLD)
        .hold(new Hold(HoldReason.PROMISE_TO_PAY, T0.plusSeconds(3600), "promised by phone")).nextActionAt(T0.plusSeconds(3600)).build();
    RecoveryCase awaiting = openCase("A", null).toBuilder().status(CaseStatus.AWAITING_APPROVAL)
        .pendingStageId("injunction").build();
    RecoveryCase closed = openCase("X", null).toBuilder().status(CaseStatus.CLOSED).resolution(Resolution.HANDED_OVER).build();

    for (RecoveryCase c : List.of(held, awaiting, closed)) {
      store.create(c, List.of(), List.of());
    }

    assertThat(store.find("H")).contains(held);
    assertThat(store.find("A")).contains(awaiting);
    assertThat(store.find("X")).contains(closed);
  }

  @Test
  void aSecondCaseWithTheSameIdIsRefusedAndTheFirstIsUntouched() {
    RecoveryCase c = openCase("C-1", T0);
    store.create(c, List.of(event("C-1", T0, EventType.OPENED, "first")), List.of());

    assertThatThrownBy(() -> store.create(openCase("C-1", T0.plusSeconds(5)),
        List.of(event("C-1", T0, EventType.OPENED, "second")), List.of()))
        .isInstanceOf(DuplicateCaseException.class);

    assertThat(store.find("C-1")).contains(c);
    assertThat(store.timeline("C-1")).extracting(TimelineEvent::detail).containsExactly("first");
  }

  @Test
  void anUnknownCaseIsEmptyOnFindAndNotFoundOnUpdate() {
    assertThat(store.find("nope")).isEmpty();
    assertThatThrownBy(() -> store.update(new CaseChange(openCase("nope", T0), List.of(), List.of(), false)))
        .isInstanceOf(CaseNotFoundException.class);
  }

  @Test
  void anUpdateBumpsTheVersionAppendsEventsAndQueuesMessagesTogether() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(event("C-1", T0, EventType.OPENED, "opened")), List.of());
    RecoveryCase next = c.toBuilder().stageId("reminder1").stageAttempt(1).deadline(LocalDate.of(2026, 3, 10))
        .nextActionAt(T0.plus(Duration.ofDays(9))).build();
    OutboxMessage m = message(next, "reminder1", ChannelType.EMAIL, T0);

    RecoveryCase written = store.update(new CaseChange(next,
        List.of(event("C-1", T0, EventType.STAGE_ENTERED, "reminder1"), event("C-1", T0, EventType.MESSAGE_QUEUED, "email")),
        List.of(m), false));

    assertThat(written.version()).isEqualTo(c.version() + 1);
    assertThat(store.find("C-1")).contains(written);
    assertThat(store.timeline("C-1")).extracting(TimelineEvent::type)
        .containsExactly(EventType.OPENED, EventType.STAGE_ENTERED, EventType.MESSAGE_QUEUED);
    assertThat(store.messages("C-1")).containsExactly(m);
  }

  @Test
  void aStaleUpdateIsRefusedAndWritesNothing() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());
    store.update(new CaseChange(c.toBuilder().failures(1).build(), List.of(), List.of(), false));

    CaseChange stale = new CaseChange(c.toBuilder().stageId("reminder1").build(),
        List.of(event("C-1", T0, EventType.NOTE, "lost race")), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false);

    assertThatThrownBy(() -> store.update(stale)).isInstanceOf(StaleCaseException.class);
    assertThat(store.find("C-1").orElseThrow().stageId()).isNull();
    assertThat(store.timeline("C-1")).isEmpty();
    assertThat(store.messages("C-1")).isEmpty();
  }

  @Test
  void aDuplicateIdempotencyKeyIsRefusedAndWritesNothing() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());
    OutboxMessage m = message(c, "reminder1", ChannelType.EMAIL, T0);
    RecoveryCase v1 = store.update(new CaseChange(c, List.of(), List.of(m), false));

    assertThatThrownBy(() -> store.update(new CaseChange(v1.toBuilder().failures(3).build(),
        List.of(event("C-1", T0, EventType.NOTE, "dup")), List.of(m), false)))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.find("C-1")).contains(v1);
    assertThat(store.timeline("C-1")).isEmpty();
    assertThat(store.messages("C-1")).hasSize(1);
  }

  @Test
  void closingWithCancelCancelsOnlyPendingMessages() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());
    OutboxMessage sent = message(c, "reminder1", ChannelType.EMAIL, T0);
    OutboxMessage pending = message(c, "reminder2", ChannelType.EMAIL, T0);
    RecoveryCase v1 = store.update(new CaseChange(c, List.of(), List.of(sent), false));
    deliver(store.claimMessages(T0, 10, Duration.ofMinutes(15)).get(0), OutboxStatus.SENT);
    RecoveryCase v2 = store.update(new CaseChange(v1, List.of(), List.of(pending), false));

    store.update(new CaseChange(v2.toBuilder().status(CaseStatus.CLOSED).resolution(Resolution.PAID).nextActionAt(null).build(),
        List.of(), List.of(), true));

    assertThat(store.messages("C-1")).extracting(OutboxMessage::status)
        .containsExactly(OutboxStatus.SENT, OutboxStatus.CANCELLED);
    assertThat(store.claimMessages(T0.plus(Duration.ofDays(1)), 10, Duration.ofMinutes(15))).isEmpty();
  }

  @Test
  void cancellingPendingMessagesRecordsTheirKeysOnTheTimelineInTheSameWrite() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());
    OutboxMessage sent = message(c, "reminder1", ChannelType.EMAIL, T0);
    OutboxMessage pending = message(c, "reminder2", ChannelType.EMAIL, T0);
    OutboxMessage letter = message(c, "reminder2", ChannelType.LETTER, T0);
    RecoveryCase v1 = store.update(new CaseChange(c, List.of(), List.of(sent), false));
    deliver(store.claimMessages(T0, 10, Duration.ofMinutes(15)).get(0), OutboxStatus.SENT);
    RecoveryCase v2 = store.update(new CaseChange(v1, List.of(), List.of(pending, letter), false));
    TimelineEvent closed = new TimelineEvent("C-1", T0.plusSeconds(5), EventType.CLOSED, Actor.host("bank"), "reminder2",
        "paid");

    store.update(new CaseChange(v2.toBuilder().status(CaseStatus.CLOSED).resolution(Resolution.PAID).nextActionAt(null)
        .build(), List.of(closed), List.of(), true));

    assertThat(store.timeline("C-1")).extracting(TimelineEvent::type)
        .containsExactly(EventType.CLOSED, EventType.MESSAGES_CANCELLED);
    assertThat(store.timeline("C-1").get(1)).satisfies(e -> {
      assertThat(e.at()).isEqualTo(closed.at());
      assertThat(e.actor()).isEqualTo(closed.actor());
      assertThat(e.detail()).contains(pending.idempotencyKey()).contains(letter.idempotencyKey())
          .doesNotContain(sent.idempotencyKey());
    });
  }

  @Test
  void closingWithNothingPendingRecordsNoCancellation() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());
    store.update(new CaseChange(c.toBuilder().status(CaseStatus.CLOSED).resolution(Resolution.PAID).nextActionAt(null)
        .build(), List.of(event("C-1", T0, EventType.CLOSED, "paid")), List.of(), true));

    assertThat(store.timeline("C-1")).extracting(TimelineEvent::type).containsExactly(EventType.CLOSED);
  }

  @Test
  void queriesFilterByTenantStatusInvoiceAndDebtorInOpeningOrder() {
    store.create(openCase("B", T0).toBuilder().openedAt(T0.plusSeconds(2)).build(), List.of(), List.of());
    store.create(openCase("A", T0).toBuilder().openedAt(T0.plusSeconds(1)).build(), List.of(), List.of());
    store.create(openCase("C", T0).toBuilder().openedAt(T0.plusSeconds(3)).status(CaseStatus.CLOSED)
        .resolution(Resolution.PAID).nextActionAt(null).build(), List.of(), List.of());
    store.create(openCase("D", T0).toBuilder().tenantId("other").build(), List.of(), List.of());

    assertThat(ids(store.query(CaseQuery.all().tenant("acme")))).containsExactly("A", "B", "C");
    assertThat(ids(store.query(CaseQuery.all().tenant("acme").notClosed()))).containsExactly("A", "B");
    assertThat(ids(store.query(CaseQuery.all().invoice("INV-C-1")))).containsExactly("C");
    assertThat(ids(store.query(CaseQuery.all().debtor("D-B")))).containsExactly("B");
    assertThat(ids(store.query(CaseQuery.all().tenant("acme").page(1, 1)))).containsExactly("B");
  }

  // ------------------------------------------------------------ due cases

  @Test
  void onlyCasesDueAtOrBeforeNowAreHandedOverAndClosedOnesNever() {
    store.create(openCase("due", T0), List.of(), List.of());
    store.create(openCase("early", T0.minusSeconds(60)), List.of(), List.of());
    store.create(openCase("later", T0.plusMillis(1)), List.of(), List.of());
    store.create(openCase("idle", null), List.of(), List.of());
    store.create(openCase("closed", T0.minusSeconds(1)).toBuilder().status(CaseStatus.CLOSED)
        .resolution(Resolution.PAID).build(), List.of(), List.of());

    List<String> seen = new ArrayList<>();
    int claimed = store.processDue(T0, 100, reschedule(c -> {
      seen.add(c.id());
      return T0.plus(Duration.ofDays(8));
    }));

    assertThat(claimed).isEqualTo(2);
    assertThat(seen).containsExactlyInAnyOrder("due", "early");
    assertThat(store.processDue(T0, 100, reschedule(c -> T0))).isZero();
  }

  @Test
  void aProcessedCaseIsWrittenWithItsEventsMessagesAndANewVersion() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());

    store.processDue(T0, 10, new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase due) {
        RecoveryCase next = due.toBuilder().stageId("reminder1").stageAttempt(1).nextActionAt(T0.plus(Duration.ofDays(9))).build();
        return new CaseChange(next, List.of(event(due.id(), T0, EventType.STAGE_ENTERED, "r1")),
            List.of(message(next, "reminder1", ChannelType.EMAIL, T0)), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError("row should be readable", error);
      }
    });

    RecoveryCase after = store.find("C-1").orElseThrow();
    assertThat(after.version()).isEqualTo(c.version() + 1);
    assertThat(after.stageId()).isEqualTo("reminder1");
    assertThat(store.timeline("C-1")).extracting(TimelineEvent::detail).containsExactly("r1");
    assertThat(store.messages("C-1")).hasSize(1);
  }

  @Test
  void aFailedCaseIsRescheduledWithItsFailureCountAndEventOnly() {
    RecoveryCase c = store.create(openCase("C-1", T0), List.of(), List.of());
    Instant retryAt = T0.plus(Duration.ofMinutes(2));

    store.processDue(T0, 10, new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase due) {
        return new CaseFailure(due.id(), due.version(), 2, retryAt,
            new TimelineEvent(due.id(), T0, EventType.PROCESSING_FAILED, Actor.SYSTEM, "", "boom"));
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError(error);
      }
    });

    RecoveryCase after = store.find("C-1").orElseThrow();
    assertThat(after.failures()).isEqualTo(2);
    assertThat(after.nextActionAt()).isEqualTo(retryAt);
    assertThat(after.stageId()).isEqualTo(c.stageId());
    assertThat(store.timeline("C-1")).extracting(TimelineEvent::type).containsExactly(EventType.PROCESSING_FAILED);
    assertThat(store.processDue(retryAt.minusMillis(1), 10, reschedule(x -> T0))).isZero();
  }

  @Test
  void anOutcomeThatCannotBeWrittenIsRecordedAsFailedAndRetriedTheRestOfTheBatchGoesOn() {
    RecoveryCase bad = store.create(openCase("BAD", T0.minusSeconds(10)), List.of(), List.of());
    OutboxMessage taken = message(bad, "reminder1", ChannelType.EMAIL, T0);
    store.update(new CaseChange(bad, List.of(), List.of(taken), false));
    store.create(openCase("GOOD", T0), List.of(), List.of());
    Instant retryAt = T0.plus(Duration.ofMinutes(5));
    List<String> failed = new ArrayList<>();

    int claimed = store.processDue(T0, 10, new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase due) {
        RecoveryCase next = due.toBuilder().stageId("reminder1").stageAttempt(1).nextActionAt(T0.plus(Duration.ofDays(9)))
            .build();
        // BAD queues a message whose key it already has: the store cannot write that outcome
        return new CaseChange(next, List.of(event(due.id(), T0, EventType.STAGE_ENTERED, "r1")),
            List.of(message(next, "reminder1", ChannelType.EMAIL, T0)), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        failed.add(caseId);
        return new CaseFailure(caseId, version, failures + 1, retryAt,
            new TimelineEvent(caseId, T0, EventType.PROCESSING_FAILED, Actor.SYSTEM, "", String.valueOf(error)));
      }
    });

    assertThat(claimed).isEqualTo(2);
    assertThat(failed).containsExactly("BAD");
    RecoveryCase after = store.find("BAD").orElseThrow();
    assertThat(after.failures()).isEqualTo(1);
    assertThat(after.nextActionAt()).isEqualTo(retryAt);
    assertThat(after.stageId()).isNull();
    assertThat(store.timeline("BAD")).extracting(TimelineEvent::type).containsExactly(EventType.PROCESSING_FAILED);
    assertThat(store.messages("BAD")).containsExactly(taken);
    assertThat(store.find("GOOD").orElseThrow().stageId()).isEqualTo("reminder1");
    assertThat(store.messages("GOOD")).hasSize(1);
    assertThat(store.processDue(retryAt.minusMillis(1), 10, reschedule(x -> T0.plus(Duration.ofDays(20))))).isZero();
    assertThat(store.processDue(retryAt, 10, reschedule(x -> T0.plus(Duration.ofDays(20))))).isEqualTo(1);
  }

  @Test
  void theLimitCapsOneRoundAndTheRestComeInTheNext() {
    for (int i = 0; i < 25; i++) {
      store.create(openCase("C-" + i, T0.minusSeconds(i)), List.of(), List.of());
    }
    Instant later = T0.plus(Duration.ofDays(1));

    assertThat(store.processDue(T0, 10, reschedule(c -> later))).isEqualTo(10);
    assertThat(store.processDue(T0, 10, reschedule(c -> later))).isEqualTo(10);
    assertThat(store.processDue(T0, 10, reschedule(c -> later))).isEqualTo(5);
  }

  @Test
  void concurrentCallersNeverGetTheSameDueCase() throws Exception {
    int cases = 400;
    for (int i = 0; i < cases; i++) {
      store.create(openCase("C-" + i, T0), List.of(), List.of());
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          while (store.processDue(T0, 7, reschedule(c -> {
            if (!seen.add(c.id())) {
              duplicates.add(c.id());
            }
            return T0.plus(Duration.ofDays(1));
          })) > 0) {
            Thread.onSpinWait();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(duplicates).isEmpty();
    assertThat(seen).hasSize(cases);
  }

  // ------------------------------------------------------------ outbox

  @Test
  void aDueMessageIsClaimedOnceAndNotAgainWhileItsLeaseHolds() {
    RecoveryCase c = store.create(openCase("C-1", null), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false));

    List<OutboxMessage> first = store.claimMessages(T0, 10, Duration.ofMinutes(15));
    List<OutboxMessage> second = store.claimMessages(T0.plusSeconds(60), 10, Duration.ofMinutes(15));

    assertThat(first).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.IN_FLIGHT);
      assertThat(m.leaseToken()).isNotBlank();
    });
    assertThat(second).isEmpty();
  }

  /** Databases keep microseconds: an instant with nanoseconds must never read back as later. */
  @Test
  void aCaseAndAMessageDueAtAnInstantWithNanosecondsAreDueAtThatVeryInstant() {
    Instant now = T0.plusNanos(123_456_789);
    RecoveryCase c = store.create(openCase("C-1", now), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, now)), false));

    assertThat(store.claimMessages(now, 10, Duration.ofMinutes(15))).hasSize(1);
    assertThat(store.processDue(now, 10, reschedule(x -> now.plus(Duration.ofDays(1))))).isEqualTo(1);
  }

  @Test
  void aMessageNotYetDueIsNotClaimed() {
    RecoveryCase c = store.create(openCase("C-1", null), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false));

    assertThat(store.claimMessages(T0.minusMillis(1), 10, Duration.ofMinutes(15))).isEmpty();
  }

  /** Measured on real time, because database stores may measure leases on their own clock. */
  @Test
  void anExpiredLeaseLetsAnotherDispatcherReclaimAndTheFirstCannotRecordAnymore() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    RecoveryCase c = store.create(openCase("C-1", null), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, now.minusSeconds(1))), false));
    OutboxMessage mine = store.claimMessages(now, 10, Duration.ofMillis(300)).get(0);

    Thread.sleep(700);
    List<OutboxMessage> theirs = store.claimMessages(Instant.now(), 10, Duration.ofMinutes(15));

    assertThat(theirs).singleElement().satisfies(m -> {
      assertThat(m.idempotencyKey()).isEqualTo(mine.idempotencyKey());
      assertThat(m.leaseToken()).isNotEqualTo(mine.leaseToken());
    });
    assertThat(store.completeDelivery(outcome(mine, OutboxStatus.SENT, Instant.now()))).isFalse();
    assertThat(store.completeDelivery(outcome(theirs.get(0), OutboxStatus.SENT, Instant.now()))).isTrue();
    assertThat(store.messages("C-1")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aSentMessageKeepsItsReceiptAndEventsAndIsNeverClaimedAgain() {
    RecoveryCase c = store.create(openCase("C-1", null), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false));
    OutboxMessage claimed = store.claimMessages(T0, 10, Duration.ofMinutes(15)).get(0);

    boolean recorded = store.completeDelivery(new DeliveryOutcome(claimed, OutboxStatus.SENT, 1, T0, "<id@acme>", null, T0,
        List.of(event("C-1", T0, EventType.MESSAGE_SENT, "sent")), null));

    assertThat(recorded).isTrue();
    assertThat(store.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(m.receipt()).isEqualTo("<id@acme>");
      assertThat(m.attempts()).isEqualTo(1);
      assertThat(m.sentAt()).isEqualTo(T0);
      assertThat(m.leaseToken()).isNull();
    });
    assertThat(store.timeline("C-1")).extracting(TimelineEvent::type).containsExactly(EventType.MESSAGE_SENT);
    assertThat(store.claimMessages(T0.plus(Duration.ofDays(30)), 10, Duration.ofMinutes(15))).isEmpty();
  }

  @Test
  void aRetryWaitsUntilItsTimeAndKeepsTheSameKey() {
    RecoveryCase c = store.create(openCase("C-1", null), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false));
    OutboxMessage claimed = store.claimMessages(T0, 10, Duration.ofMinutes(15)).get(0);
    Instant retryAt = T0.plus(Duration.ofMinutes(1));

    store.completeDelivery(new DeliveryOutcome(claimed, OutboxStatus.PENDING, 1, retryAt, null, "421 try later", T0,
        List.of(), null));

    assertThat(store.claimMessages(retryAt.minusMillis(1), 10, Duration.ofMinutes(15))).isEmpty();
    assertThat(store.claimMessages(retryAt, 10, Duration.ofMinutes(15))).singleElement().satisfies(m -> {
      assertThat(m.idempotencyKey()).isEqualTo(claimed.idempotencyKey());
      assertThat(m.attempts()).isEqualTo(1);
      assertThat(m.lastError()).isEqualTo("421 try later");
    });
  }

  @Test
  void aPermanentFailureQueuesTheFallbackInTheSameWrite() {
    RecoveryCase c = store.create(openCase("C-1", null), List.of(), List.of());
    store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false));
    OutboxMessage claimed = store.claimMessages(T0, 10, Duration.ofMinutes(15)).get(0);
    OutboxMessage fallback = claimed.fallback(T0);

    store.completeDelivery(new DeliveryOutcome(claimed, OutboxStatus.FAILED, 1, T0, null, "550 no such user", T0,
        List.of(event("C-1", T0, EventType.MESSAGE_FAILED, "550")), fallback));

    assertThat(store.messages("C-1")).extracting(OutboxMessage::channel, OutboxMessage::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ChannelType.EMAIL, OutboxStatus.FAILED),
        org.assertj.core.groups.Tuple.tuple(ChannelType.LETTER, OutboxStatus.PENDING));
    assertThat(store.claimMessages(T0, 10, Duration.ofMinutes(15))).singleElement()
        .extracting(OutboxMessage::channel).isEqualTo(ChannelType.LETTER);
  }

  @Test
  void concurrentDispatchersNeverClaimTheSameMessage() throws Exception {
    for (int i = 0; i < 100; i++) {
      RecoveryCase c = store.create(openCase("C-" + i, null), List.of(), List.of());
      store.update(new CaseChange(c, List.of(), List.of(message(c, "reminder1", ChannelType.EMAIL, T0)), false));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<OutboxMessage> all = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          List<OutboxMessage> batch;
          while (!(batch = store.claimMessages(T0, 9, Duration.ofMinutes(15))).isEmpty()) {
            all.addAll(batch);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(all).extracting(OutboxMessage::idempotencyKey).doesNotHaveDuplicates().hasSize(100);
  }

  // ------------------------------------------------------------ helpers

  private void deliver(OutboxMessage claimed, OutboxStatus status) {
    assertThat(store.completeDelivery(outcome(claimed, status, T0))).isTrue();
  }

  private static DeliveryOutcome outcome(OutboxMessage claimed, OutboxStatus status, Instant at) {
    return new DeliveryOutcome(claimed, status, claimed.attempts() + 1, at, status == OutboxStatus.SENT ? "r" : null,
        null, at, List.of(), null);
  }

  private static List<String> ids(List<RecoveryCase> cases) {
    return cases.stream().map(RecoveryCase::id).toList();
  }

  /** A handler that only moves each due case's next action to what {@code next} says. */
  protected static DueCaseHandler reschedule(Function<RecoveryCase, Instant> next) {
    return new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) {
        return new CaseChange(c.toBuilder().nextActionAt(next.apply(c)).build(), List.of(), List.of(), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError("unreadable " + caseId, error);
      }
    };
  }
}
