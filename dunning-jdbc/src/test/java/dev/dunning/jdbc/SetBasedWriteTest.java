package dev.dunning.jdbc;

import static dev.dunning.testkit.CaseFixtures.T0;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Hold;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tick's writes (on PostgreSQL one statement per table over arrays) keep every value exactly:
 * text an array literal would mangle, nulls, instants with microseconds, amounts with cents.
 */
class SetBasedWriteTest extends EachDatabase {
  private static final List<String> AWKWARD = List.of("NULL", "", " ", "a,b", "{x}", "\"quoted\"", "back\\slash",
      "it's", "line\nbreak", "tab\tend", "Müller & Fils – ½ €", "𝄞");
  private static final Instant AT = Instant.parse("2026-03-02T08:00:00.123456Z");

  private JdbcCaseStore store;

  @BeforeEach
  void store() {
    store = db.storeBuilder().build();
  }

  @Test
  void everyValueOfABatchReadsBackAsWritten() {
    for (int i = 0; i < AWKWARD.size(); i++) {
      store.create(openCase("C-" + i, T0), List.of(), List.of());
    }
    store.processDue(T0, 100, new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) {
        String text = AWKWARD.get(Integer.parseInt(c.id().substring(2)));
        RecoveryCase held = c.toBuilder().status(CaseStatus.ON_HOLD).hold(new Hold(HoldReason.DISPUTE, AT, text))
            .nextActionAt(AT).fees(Money.of("12.34", "EUR")).build();
        TimelineEvent event = new TimelineEvent(c.id(), AT, EventType.HELD, Actor.manager(text), "reminder1",
            text);
        OutboxMessage message = new OutboxMessage(c.id() + ":" + text, c.id(), c.tenantId(), "reminder1",
            StageKind.REMINDER, 2, ChannelType.LETTER, List.of(ChannelType.EMAIL, ChannelType.SMS), text,
            LocalDate.of(2026, 2, 28), Money.of("1234.56", "EUR"), AT, OutboxStatus.PENDING, 0, AT, null, text, null,
            null);
        return new CaseChange(held, List.of(event), List.of(message), false);
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new AssertionError("unreadable " + caseId, error);
      }
    });

    for (int i = 0; i < AWKWARD.size(); i++) {
      String id = "C-" + i;
      String text = AWKWARD.get(i);
      RecoveryCase c = store.find(id).orElseThrow();
      assertThat(c.hold()).isEqualTo(new Hold(HoldReason.DISPUTE, AT, text));
      assertThat(c.nextActionAt()).isEqualTo(AT);
      assertThat(c.fees()).isEqualTo(Money.of("12.34", "EUR"));
      assertThat(c.version()).isEqualTo(1);
      assertThat(store.timeline(id)).containsExactly(new TimelineEvent(id, AT, EventType.HELD,
          Actor.manager(text), "reminder1", text));
      OutboxMessage m = store.messages(id).get(0);
      assertThat(m.idempotencyKey()).isEqualTo(id + ":" + text);
      assertThat(m.templateKey()).isEqualTo(text);
      assertThat(m.lastError()).isEqualTo(text);
      assertThat(m.fallbacks()).containsExactly(ChannelType.EMAIL, ChannelType.SMS);
      assertThat(m.deadline()).isEqualTo(LocalDate.of(2026, 2, 28));
      assertThat(m.amountDue()).isEqualTo(Money.of("1234.56", "EUR"));
      assertThat(m.createdAt()).isEqualTo(AT);
      assertThat(m.receipt()).isNull();
      assertThat(m.sentAt()).isNull();
    }
  }
}
