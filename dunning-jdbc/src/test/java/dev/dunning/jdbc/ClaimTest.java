package dev.dunning.jdbc;

import static dev.dunning.testkit.CaseFixtures.T0;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A claim locks the cases it takes, earliest due first, and no others: a second instance gets the rest. */
class ClaimTest extends EachDatabase {
  private static final Instant LATER = T0.plus(Duration.ofDays(1));

  private JdbcCaseStore first;
  private JdbcCaseStore second;

  @BeforeEach
  void twentyDueCasesTwoInstances() {
    first = JdbcCaseStore.builder(db.newPool(2)).build();
    second = JdbcCaseStore.builder(db.newPool(2)).build();
    for (int i = 0; i < 20; i++) {
      first.create(openCase(String.format("C-%02d", i), T0.minusSeconds(20 - i)), List.of(), List.of());
    }
  }

  @Test
  void whileOneInstanceHoldsFiveDueCasesAnotherClaimsTheOtherFifteen() {
    List<String> firstGot = new ArrayList<>();
    List<String> secondGot = new ArrayList<>();
    first.processDue(T0, 5, reschedule(c -> {
      if (firstGot.isEmpty()) { // inside the first batch's transaction, its five rows locked
        second.processDue(T0, 100, reschedule(other -> secondGot.add(other.id())));
      }
      firstGot.add(c.id());
    }));

    assertThat(firstGot).containsExactly("C-00", "C-01", "C-02", "C-03", "C-04");
    assertThat(secondGot).containsExactlyElementsOf(IntStream.range(5, 20).mapToObj(i -> String.format("C-%02d", i))
        .toList());
  }

  private static DueCaseHandler reschedule(Consumer<RecoveryCase> seen) {
    return new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) {
        seen.accept(c);
        return new CaseChange(c.toBuilder().nextActionAt(LATER).build(), List.of(), List.of(), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError("unreadable " + caseId, error);
      }
    };
  }
}
