package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.memory.InMemoryCaseStore;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.testkit.ForwardingCaseStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A case whose processing fails counts as one error, told once to listeners, even when the store
 * cannot write that failure either and asks the engine for one again (as the JDBC store does when
 * it writes a failed batch case by case).
 */
class TickFailureReportTest {

  @Test
  void aFailureTheStoreCannotWriteAndReplacesIsCountedAndToldOnce() {
    List<String> failedCases = new CopyOnWriteArrayList<>();
    ThrowsForC1 policy = new ThrowsForC1();
    EngineFixture f = new EngineFixture(new FailureNotWritableForC1(), b -> b
        .escalationPolicy(policy)
        .listener(new RecoveryListener() {
          @Override
          public void onCaseFailed(String caseId, RuntimeException error) {
            failedCases.add(caseId);
          }
        }));
    f.openCase("C-1", "10.00");
    f.openCase("C-2", "20.00");
    policy.failing = true;

    TickReport report = f.tickAt(sendTimeOn(DUE.plusDays(1)));

    assertThat(report.caseErrors()).isEqualTo(1);
    assertThat(report.casesAdvanced()).isEqualTo(1);
    assertThat(failedCases).containsExactly("C-1");
    assertThat(f.eventTypes("C-1")).containsOnlyOnce(EventType.PROCESSING_FAILED);
  }

  /** The default order, except that deciding C-1 throws once {@link #failing} is set (not while it is opened). */
  private static final class ThrowsForC1 implements EscalationPolicy {
    volatile boolean failing;
    private final EscalationPolicy order = EscalationPolicy.playbookOrder();

    @Override
    public Optional<Stage> next(RecoveryCase c, Playbook playbook, Instant now) {
      if (failing && c.id().equals("C-1")) {
        throw new IllegalStateException("policy bug");
      }
      return order.next(c, playbook, now);
    }
  }

  /**
   * The in-memory store, except that writing C-1's failure fails the first time: like the JDBC store,
   * it then asks the engine for the failure to write instead, and writes that.
   */
  private static final class FailureNotWritableForC1 extends ForwardingCaseStore {
    FailureNotWritableForC1() {
      super(new InMemoryCaseStore());
    }

    @Override
    public int processDue(Instant now, int limit, DueCaseHandler engine) {
      return delegate.processDue(now, limit, new DueCaseHandler() {
        @Override
        public DueOutcome onDue(RecoveryCase c) {
          DueOutcome decided = engine.onDue(c);
          if (decided instanceof CaseFailure) {
            return engine.onUnreadable(c.id(), c.version(), c.failures(),
                new IllegalStateException("the outcome of case " + c.id() + " cannot be written: disk full"));
          }
          return decided;
        }

        @Override
        public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
          return engine.onUnreadable(caseId, version, failures, error);
        }

        @Override
        public void onDropped(String caseId) {
          engine.onDropped(caseId);
        }
      });
    }
  }
}
