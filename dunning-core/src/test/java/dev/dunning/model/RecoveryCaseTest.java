package dev.dunning.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.testkit.CaseFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecoveryCaseTest {

  @Test
  void withVersionChangesTheVersionAndNothingElse() {
    RecoveryCase c = CaseFixtures.openCase("C-1", null).toBuilder().stageId("reminder1").stageAttempt(2)
        .deadline(LocalDate.of(2026, 2, 23)).failures(3).version(7).build();

    assertThat(c.withVersion(8)).isEqualTo(c.toBuilder().version(8).build());
  }
}
