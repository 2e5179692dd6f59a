package dev.dunning.jdbc;

import static dev.dunning.testkit.CaseFixtures.T0;
import static dev.dunning.testkit.CaseFixtures.event;
import static dev.dunning.testkit.CaseFixtures.message;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.jdbc.support.CapturingDataSource;
import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Instances that die or freeze mid-work: nothing is processed twice, nothing is lost. */
class CrashTest extends EachDatabase {
  private static final Instant LATER = T0.plus(Duration.ofDays(8));

  private JdbcCaseStore other;

  @BeforeEach
  void fiveDueCases() {
    other = JdbcCaseStore.builder(db.newPool(2)).build();
    for (int i = 0; i < 5; i++) {
      other.create(openCase("C-" + i, T0), List.of(), List.of());
    }
  }

  @Test
  void anInstanceThatDiesHoldingABatchLosesItToAnotherWhichAdvancesEachCaseOnce() throws Exception {
    CapturingDataSource doomedConnections = new CapturingDataSource(db.unpooled());
    JdbcCaseStore doomed = JdbcCaseStore.builder(doomedConnections).migrate(false).build();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch crashed = new CountDownLatch(1);
    CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(() -> doomed.processDue(T0, 10, advance(c -> {
      claimed.countDown();
      await(crashed);
    })));
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(other.processDue(T0, 10, advance(c -> { }))).as("locked by the doomed instance").isZero();
    doomedConnections.crash();
    crashed.countDown();

    assertThat(dying).failsWithin(Duration.ofSeconds(10));
    assertThat(claimOnceReleased(5)).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThat(other.find("C-" + i).orElseThrow().version()).isEqualTo(1);
      assertThat(other.timeline("C-" + i)).extracting(TimelineEvent::type).containsExactly(EventType.STAGE_ENTERED);
      assertThat(other.messages("C-" + i)).hasSize(1);
    }
  }

  @Test
  void aDispatcherFrozenPastItsLeaseCannotRecordTheDeliveryTheOtherTookOver() throws Exception {
    other.processDue(T0, 10, advance(c -> { }));
    Instant now = Instant.now();
    OutboxMessage frozen = other.claimMessages(now, 1, Duration.ofMillis(300)).get(0);

    Thread.sleep(800); // the lease expires on the database clock
    OutboxMessage takenOver = other.claimMessages(Instant.now(), 10, Duration.ofMinutes(15)).stream()
        .filter(m -> m.idempotencyKey().equals(frozen.idempotencyKey())).findFirst().orElseThrow();

    assertThat(other.completeDelivery(sent(takenOver, "receipt-of-the-second"))).isTrue();
    assertThat(other.completeDelivery(sent(frozen, "receipt-of-the-frozen"))).isFalse();
    OutboxMessage stored = other.messages(frozen.caseId()).get(0);
    assertThat(stored.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(stored.receipt()).isEqualTo("receipt-of-the-second");
    assertThat(other.timeline(frozen.caseId())).filteredOn(e -> e.type() == EventType.MESSAGE_SENT).hasSize(1);
  }

  @Test
  void aWriteDecidedOnAStaleVersionIsRefusedAndTheOtherCasesOfTheBatchProceed() {
    RecoveryCase before = other.find("C-0").orElseThrow();
    other.update(new CaseChange(before.toBuilder().failures(1).build(), List.of(), List.of(), false));

    assertThatThrownBy(() -> other.update(new CaseChange(before.toBuilder().stageId("reminder1").build(),
        List.of(), List.of(), false))).isInstanceOf(dev.dunning.spi.StaleCaseException.class);

    // a handler deciding C-1 on a version it did not read (as a frozen instance would) is skipped
    int claimed = other.processDue(T0, 10, new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) {
        RecoveryCase decidedOn = c.id().equals("C-1") ? c.toBuilder().version(c.version() - 1).build() : c;
        return advance(x -> { }).onDue(decidedOn);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError(error);
      }
    });

    assertThat(claimed).isEqualTo(5);
    assertThat(other.find("C-1").orElseThrow().stageId()).isNull();
    assertThat(other.timeline("C-1")).isEmpty();
    assertThat(other.find("C-2").orElseThrow().stageId()).isEqualTo("reminder1");
  }

  /**
   * Ticks {@link #other} until it has claimed {@code expected} cases or ten seconds pass. A closed
   * connection's locks go when the server has ended its session, which PostgreSQL does shortly
   * after the client hangs up, not at once: until then SKIP LOCKED rightly passes the rows by.
   */
  private int claimOnceReleased(int expected) throws InterruptedException {
    int claimed = 0;
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (claimed < expected && System.nanoTime() < giveUpAt) {
      int now = other.processDue(T0, 10, advance(c -> { }));
      claimed += now;
      if (now == 0) {
        Thread.sleep(20);
      }
    }
    return claimed;
  }

  /** Enters reminder1 with one e-mail; {@code during} runs before the decision is returned. */
  private static DueCaseHandler advance(Consumer<RecoveryCase> during) {
    return new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) {
        during.accept(c);
        RecoveryCase next = c.toBuilder().stageId("reminder1").stageAttempt(1).nextActionAt(LATER).build();
        return new CaseChange(next, List.of(event(c.id(), T0, EventType.STAGE_ENTERED, "reminder1")),
            List.of(message(next, "reminder1", ChannelType.EMAIL, T0)), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError(error);
      }
    };
  }

  private static DeliveryOutcome sent(OutboxMessage m, String receipt) {
    Instant at = Instant.now();
    return new DeliveryOutcome(m, OutboxStatus.SENT, 1, at, receipt, null, at,
        List.of(event(m.caseId(), at, EventType.MESSAGE_SENT, receipt)), null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
