package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.memory.InMemoryCaseStore;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.testkit.ForwardingCaseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-over stage queues the file for the agency and closes the case in the same write: the
 * agency still gets it, and nothing else goes out after it.
 */
class HandOverDeliveryTest {
  private static final Playbook REMINDER_THEN_AGENCY = Playbook.builder("agency")
      .stage(Stage.builder("reminder1", StageKind.REMINDER).startDaysFromDueDate(1).deadlineDays(8)
          .channels(ChannelType.EMAIL).build())
      .stage(Stage.builder("agency", StageKind.HANDOVER).startDaysAfterPreviousDeadline(0).deadlineDays(0)
          .channels(ChannelType.COLLECTION_AGENCY).build())
      .build();

  @Test
  void theAgencyReceivesTheFileOfTheHandOverThatClosedTheCaseAndNothingGoesOutAfterIt() {
    EngineFixture f = new EngineFixture(b -> b.playbook(REMINDER_THEN_AGENCY));
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));

    TickReport handOver = f.tickAt(f.current("C-1").nextActionAt());

    assertThat(f.current("C-1")).satisfies(c -> {
      assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
      assertThat(c.resolution()).isEqualTo(Resolution.HANDED_OVER);
      assertThat(c.stageId()).isEqualTo("agency");
    });
    assertThat(handOver.delivered()).isEqualTo(1);
    assertThat(f.sent(ChannelType.COLLECTION_AGENCY)).singleElement()
        .satisfies(m -> assertThat(m.message().idempotencyKey()).isEqualTo("C-1:agency:1:collection_agency"));
    assertThat(f.engine.messages("C-1")).filteredOn(m -> m.stageId().equals("agency")).singleElement()
        .extracting(OutboxMessage::status).isEqualTo(OutboxStatus.SENT);
    assertThat(f.eventTypes("C-1")).endsWith(EventType.STAGE_ENTERED, EventType.CLOSED, EventType.MESSAGE_SENT)
        .doesNotContain(EventType.MESSAGES_CANCELLED);

    int sentBefore = f.sentCount();
    f.tickAt(sendTimeOn(LocalDate.of(2026, 12, 31)));
    assertThat(f.sentCount()).isEqualTo(sentBefore);
  }

  @Test
  void aReminderInFlightWhenAPersonHandsTheCaseOverByHandIsStillCancelled() {
    ClosesAfterClaim store = new ClosesAfterClaim();
    EngineFixture f = new EngineFixture(store, b -> b.playbook(REMINDER_THEN_AGENCY));
    store.engine = f.engine;
    f.openCase();

    f.tickAt(sendTimeOn(DUE.plusDays(1)));

    assertThat(f.current("C-1").resolution()).isEqualTo(Resolution.HANDED_OVER);
    assertThat(f.sentCount()).isZero();
    assertThat(f.engine.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.stageId()).isEqualTo("reminder1");
      assertThat(m.status()).isEqualTo(OutboxStatus.CANCELLED);
    });
  }

  /** Hands the case over by hand between the dispatcher's claim of its reminder and the delivery. */
  private static final class ClosesAfterClaim extends ForwardingCaseStore {
    RecoveryEngine engine;

    ClosesAfterClaim() {
      super(new InMemoryCaseStore());
    }

    @Override
    public List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease) {
      List<OutboxMessage> claimed = super.claimMessages(now, limit, lease);
      for (OutboxMessage m : claimed) {
        RecoveryCase c = find(m.caseId()).orElseThrow();
        if (!c.isClosed()) {
          engine.close(c.id(), Resolution.HANDED_OVER, "file sent to the agency by hand", Actor.manager("anna"));
        }
      }
      return claimed;
    }
  }
}
