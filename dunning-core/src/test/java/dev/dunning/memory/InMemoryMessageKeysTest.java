package dev.dunning.memory;

import static dev.dunning.testkit.CaseFixtures.T0;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.ChannelType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.DuplicateCaseException;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys are unique in the whole store, not only per case, also for keys that do not
 * start with their own case's id (the in-memory store checks those apart; see MessageKeys).
 */
class InMemoryMessageKeysTest {
  private final InMemoryCaseStore store = new InMemoryCaseStore();

  @Test
  void aHandMadeKeyEqualToAnotherCasesKeyIsRefusedEitherWayRound() {
    RecoveryCase a = store.create(openCase("A", null), List.of(), List.of());
    RecoveryCase b = store.create(openCase("B", null), List.of(), List.of());
    store.update(new CaseChange(a, List.of(), List.of(message(a, "A:reminder1:1:email")), false));

    assertThatThrownBy(() -> store.update(new CaseChange(b, List.of(), List.of(message(b, "A:reminder1:1:email")), false)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("A:reminder1:1:email");
    RecoveryCase b1 = store.update(new CaseChange(b, List.of(), List.of(message(b, "A:reminder2:1:email")), false));
    RecoveryCase a1 = store.find("A").orElseThrow();
    assertThatThrownBy(() -> store.update(new CaseChange(a1, List.of(), List.of(message(a1, "A:reminder2:1:email")), false)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.messages("A")).hasSize(1);
    assertThat(store.messages("B")).extracting(OutboxMessage::idempotencyKey).containsExactly("A:reminder2:1:email");
    assertThat(b1.version()).isEqualTo(1);
  }

  @Test
  void caseIdsWithColonsKeepTheirKeysApart() {
    RecoveryCase x = store.create(openCase("2026:7", null), List.of(), List.of());
    RecoveryCase y = store.create(openCase("2026", null), List.of(), List.of());
    OutboxMessage ofX = OutboxMessage.pending(x.id(), x.tenantId(), "s", StageKind.REMINDER, 1, ChannelType.EMAIL,
        List.of(), "s", null, x.balance(), T0);
    store.update(new CaseChange(x, List.of(), List.of(ofX), false));
    // case "2026", stage "7:s": the same key "2026:7:s:1:email"
    OutboxMessage ofY = OutboxMessage.pending(y.id(), y.tenantId(), "7:s", StageKind.REMINDER, 1, ChannelType.EMAIL,
        List.of(), "s", null, y.balance(), T0);

    assertThat(ofY.idempotencyKey()).isEqualTo(ofX.idempotencyKey());
    assertThatThrownBy(() -> store.update(new CaseChange(y, List.of(), List.of(ofY), false)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.messages("2026")).isEmpty();
  }

  @Test
  void twoMessagesWithOneKeyInOneWriteAreRefusedAndNothingIsWritten() {
    RecoveryCase c = store.create(openCase("C", null), List.of(), List.of());

    assertThatThrownBy(() -> store.update(new CaseChange(c, List.of(),
        List.of(message(c, "C:r:1:email"), message(c, "C:r:1:email")), false)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.messages("C")).isEmpty();
    assertThat(store.claimMessages(T0, 10, java.time.Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void aRefusedCaseReleasesTheKeysItBrought() {
    store.create(openCase("C", null), List.of(), List.of());
    RecoveryCase dup = openCase("C", null);

    assertThatThrownBy(() -> store.create(dup, List.of(), List.of(message(dup, "elsewhere:1"))))
        .isInstanceOf(DuplicateCaseException.class);

    RecoveryCase d = store.create(openCase("D", null), List.of(), List.of(message(openCase("D", null), "elsewhere:1")));
    assertThat(store.messages(d.id())).extracting(OutboxMessage::status).containsExactly(OutboxStatus.PENDING);
  }

  private static OutboxMessage message(RecoveryCase c, String key) {
    return new OutboxMessage(key, c.id(), c.tenantId(), "reminder1", StageKind.REMINDER, 1, ChannelType.EMAIL,
        List.of(), "reminder1", LocalDate.of(2026, 3, 10), c.balance(), T0, OutboxStatus.PENDING, 0, T0, null, null,
        null, null);
  }
}
