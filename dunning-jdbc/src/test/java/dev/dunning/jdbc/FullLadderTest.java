package dev.dunning.jdbc;

import static dev.dunning.jdbc.support.JdbcEngine.FORMAL_NOTICE;
import static dev.dunning.jdbc.support.JdbcEngine.INJUNCTION;
import static dev.dunning.jdbc.support.JdbcEngine.REMINDER1;
import static dev.dunning.jdbc.support.JdbcEngine.REMINDER2;
import static dev.dunning.jdbc.support.JdbcEngine.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.jdbc.support.JdbcEngine;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default playbook from open to injunction, through a real engine, on each database. */
class FullLadderTest extends EachDatabase {
  private JdbcEngine f;

  @BeforeEach
  void instance() {
    f = new JdbcEngine(db.dataSource(), JdbcEngine.newClock());
  }

  @Test
  void reminderOneThenReminderTwoThenFormalNoticeThenInjunctionAwaitsApprovalThenIsFiled() {
    RecoveryCase opened = f.open("C-1");
    assertThat(f.current("C-1")).isEqualTo(opened);

    assertThat(f.tickAt(REMINDER1).delivered()).isEqualTo(1);
    assertThat(f.current("C-1")).satisfies(c -> {
      assertThat(c.stageId()).isEqualTo("reminder1");
      assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 2, 23));
      assertThat(c.nextActionAt()).isEqualTo(REMINDER2);
    });
    assertThat(f.tickAt(REMINDER2.minusSeconds(1)).isIdle()).isTrue();

    f.tickAt(REMINDER2);
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 3, 4));

    f.tickAt(FORMAL_NOTICE);
    assertThat(f.current("C-1").stageId()).isEqualTo("formal_notice");
    assertThat(f.channels.get(ChannelType.REGISTERED_LETTER).sent()).hasSize(1);
    assertThat(f.channels.get(ChannelType.EMAIL).sent()).extracting(m -> m.message().stageId())
        .containsExactly("reminder1", "reminder2", "formal_notice");

    f.tickAt(INJUNCTION);
    assertThat(f.current("C-1")).satisfies(c -> {
      assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
      assertThat(c.pendingStageId()).isEqualTo("injunction");
      assertThat(c.nextActionAt()).isNull();
    });
    assertThat(f.tickAt(sendTimeOn(LocalDate.of(2026, 4, 21))).isIdle()).isTrue();

    f.engine.approve("C-1", Actor.manager("anna"));
    f.engine.tick();
    assertThat(f.current("C-1").stageId()).isEqualTo("injunction");
    assertThat(f.channels.get(ChannelType.COURT_FILING).sent()).hasSize(1);
    assertThat(f.eventTypes("C-1")).containsSubsequence(EventType.OPENED, EventType.STAGE_ENTERED,
        EventType.MESSAGE_SENT, EventType.STAGE_ENTERED, EventType.STAGE_ENTERED, EventType.APPROVAL_REQUESTED,
        EventType.APPROVED, EventType.STAGE_ENTERED, EventType.MESSAGE_SENT);
    assertThat(f.engine.messages("C-1")).allSatisfy(m -> assertThat(m.status().code()).isEqualTo("sent"));
  }

  @Test
  void nothingHappensOneSecondBeforeTheFirstStageAndItRunsExactlyOnTime() {
    f.open("C-1");

    assertThat(f.tickAt(REMINDER1.minusSeconds(1)).isIdle()).isTrue();
    assertThat(f.tickAt(REMINDER1).casesAdvanced()).isEqualTo(1);
  }

  /** 0 = before any stage … 3 = formal notice sent, 4 = awaiting approval, 5 = injunction filed. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void aFullPaymentAtAnyStageClosesTheCaseAndNothingMoreIsSent(int stagesRun) {
    f.open("C-1");
    Instant[] stageTimes = {REMINDER1, REMINDER2, FORMAL_NOTICE, INJUNCTION};
    for (int i = 0; i < Math.min(stagesRun, 4); i++) {
      f.tickAt(stageTimes[i]);
    }
    if (stagesRun == 5) {
      f.engine.approve("C-1", Actor.manager("anna"));
      f.engine.tick();
    }
    int sentBefore = f.sentCount();

    RecoveryCase paid = f.engine.recordPayment("C-1", Money.of("1234.56", "EUR"), "bank statement 42",
        Actor.host("coda"));

    assertThat(paid.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(f.current("C-1")).isEqualTo(paid);
    assertThat(paid.resolution()).isEqualTo(Resolution.PAID);
    f.tickAt(sendTimeOn(LocalDate.of(2026, 12, 31)));
    assertThat(f.sentCount()).isEqualTo(sentBefore);
    assertThat(f.eventTypes("C-1")).endsWith(EventType.PAYMENT_RECORDED, EventType.CLOSED);
  }
}
