package dev.dunning.jdbc;

import static dev.dunning.jdbc.support.JdbcEngine.DUE;
import static dev.dunning.jdbc.support.JdbcEngine.REMINDER1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryListener;
import dev.dunning.TickReport;
import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.jdbc.support.JdbcEngine;
import dev.dunning.model.Claim;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import dev.dunning.testkit.CaseFixtures;
import dev.dunning.testkit.ForwardingCaseStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A tick reports only what the store wrote: an outcome the store drops because its case changed
 * since it was claimed is neither counted in the {@code TickReport} nor told to listeners.
 */
class StaleOutcomeReportTest extends EachDatabase {
  @Test
  void anOutcomeDroppedAsStaleIsNeitherCountedNorToldToListeners() {
    JdbcCaseStore jdbc = JdbcCaseStore.builder(db.dataSource()).build();
    List<String> changed = new CopyOnWriteArrayList<>();
    MutableClock clock = JdbcEngine.newClock();
    var builder = RecoveryEngine.builder().store(new DecidesC1OnAnOldVersion(jdbc)).clock(clock)
        .creditor(CaseFixtures.creditor())
        .listener(new RecoveryListener() {
          @Override
          public void onCaseChanged(RecoveryCase before, RecoveryCase after, List<TimelineEvent> events) {
            changed.add(after.id());
          }
        });
    RecordingChannel.forEveryType().forEach(builder::channel);
    RecoveryEngine engine = builder.build();
    for (String id : List.of("C-1", "C-2", "C-3")) {
      engine.open(NewCase.builder(CaseFixtures.TENANT, CaseFixtures.debtor("D-" + id)).id(id)
          .claim(Claim.of("INV-" + id, DUE.minusDays(30), DUE, Money.of("100.00", "EUR"), "REF-" + id)).build());
    }

    changed.clear(); // opening told the listener too
    clock.set(REMINDER1);
    TickReport report = engine.advance();

    assertThat(report.casesAdvanced()).isEqualTo(2);
    assertThat(report.messagesQueued()).isEqualTo(2);
    assertThat(changed).containsExactlyInAnyOrder("C-2", "C-3");
    assertThat(jdbc.find("C-1").orElseThrow().stageId()).as("nothing was written for C-1").isNull();
    assertThat(jdbc.messages("C-1")).isEmpty();
    assertThat(jdbc.find("C-2").orElseThrow().stageId()).isEqualTo("reminder1");
  }

  /** Hands the store a decision on C-1 made on a version one older than it claimed, as a frozen instance would. */
  private static final class DecidesC1OnAnOldVersion extends ForwardingCaseStore {
    DecidesC1OnAnOldVersion(JdbcCaseStore delegate) {
      super(delegate);
    }

    @Override
    public int processDue(Instant now, int limit, DueCaseHandler engine) {
      return delegate.processDue(now, limit, new DueCaseHandler() {
        @Override
        public DueOutcome onDue(RecoveryCase c) {
          DueOutcome decided = engine.onDue(c);
          if (c.id().equals("C-1") && decided instanceof CaseChange change) {
            RecoveryCase old = change.updated().toBuilder().version(change.updated().version() - 1).build();
            return new CaseChange(old, change.events(), change.messages(), change.cancelPendingMessages());
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
