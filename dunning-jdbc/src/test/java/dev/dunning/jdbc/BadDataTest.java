package dev.dunning.jdbc;

import static dev.dunning.jdbc.support.JdbcEngine.REMINDER1;
import static dev.dunning.jdbc.support.JdbcEngine.REMINDER2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.DispatchReport;
import dev.dunning.TickReport;
import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.jdbc.support.JdbcEngine;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseQuery;
import dev.dunning.testkit.CaseFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stored rows the current code cannot read or decide: that case fails visibly and retries; the others go on. */
class BadDataTest extends EachDatabase {
  private JdbcEngine f;

  @BeforeEach
  void threeCases() {
    f = new JdbcEngine(db.dataSource(), JdbcEngine.newClock());
    f.open("C-1");
    f.open("C-2");
    f.open("C-3");
  }

  @Test
  void malformedJsonInTheDebtorColumnFailsThatCaseOnItsTimelineAndItIsRetriedOnceRepaired() {
    String debtor = db.queryString("SELECT debtor FROM dunning_case WHERE id = 'C-2'");
    db.execute("UPDATE dunning_case SET debtor = '{\"id\": \"D-C-2\", oops' WHERE id = 'C-2'");

    TickReport report = f.tickAt(REMINDER1);

    assertThat(report.casesAdvanced()).isEqualTo(2);
    assertThat(report.caseErrors()).isEqualTo(1);
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder1");
    assertThat(f.current("C-3").stageId()).isEqualTo("reminder1");
    assertThatThrownBy(() -> f.engine.find("C-2")).hasMessageContaining("dunning_case.debtor of case C-2");
    assertThat(f.engine.timeline("C-2")).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.PROCESSING_FAILED);
      assertThat(e.detail()).contains("dunning_case.debtor of case C-2", "malformed JSON");
    });
    assertThat(db.count("SELECT failures FROM dunning_case WHERE id = 'C-2'")).isEqualTo(1);
    assertThat(f.tickAt(REMINDER1.plusSeconds(1)).isIdle()).isTrue();

    db.execute("UPDATE dunning_case SET debtor = '" + debtor.replace("'", "''") + "' WHERE id = 'C-2'");
    f.tickAt(REMINDER1.plus(Duration.ofHours(6)));

    assertThat(f.current("C-2").stageId()).isEqualTo("reminder1");
    assertThat(f.current("C-2").failures()).isZero();
  }

  @Test
  void anUnknownStageAfterAPlaybookChangeFailsThatCaseOnlyAndIsRetriedLater() {
    f.tickAt(REMINDER1);
    db.execute("UPDATE dunning_case SET stage_id = 'first_reminder_2025' WHERE id = 'C-2'");

    TickReport report = f.tickAt(REMINDER2);

    assertThat(report.casesAdvanced()).isEqualTo(2);
    assertThat(report.caseErrors()).isEqualTo(1);
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
    assertThat(f.current("C-3").stageId()).isEqualTo("reminder2");
    assertThat(f.current("C-2")).satisfies(c -> {
      assertThat(c.stageId()).isEqualTo("first_reminder_2025");
      assertThat(c.failures()).isEqualTo(1);
      assertThat(c.nextActionAt()).isAfter(REMINDER2);
    });
    assertThat(f.engine.timeline("C-2")).last().extracting(TimelineEvent::type).isEqualTo(EventType.PROCESSING_FAILED);
    assertThat(f.engine.timeline("C-2")).last().extracting(TimelineEvent::detail).asString()
        .contains("first_reminder_2025");
  }

  @Test
  void anUnknownStatusCodeIsUnreadableAndNamesTheColumn() {
    db.execute("UPDATE dunning_case SET status = 'frozen' WHERE id = 'C-3'");

    TickReport report = f.tickAt(REMINDER1);

    assertThat(report.casesAdvanced()).isEqualTo(2);
    assertThat(f.engine.timeline("C-3")).last().extracting(TimelineEvent::detail).asString()
        .contains("dunning_case.status of case C-3", "unknown case status code 'frozen'");
  }

  @Test
  void anOutboxRowWithMalformedFallbacksFailsOnItsCasesTimelineNamingTheColumnAndTheOthersAreDelivered() {
    queueTheFirstReminders();
    db.execute("UPDATE dunning_outbox SET fallbacks = '[\"letter\", oops' WHERE case_id = 'C-2'");

    DispatchReport report = f.engine.dispatch();

    assertThat(report.delivered()).isEqualTo(2);
    assertThat(f.sentKeys()).hasSize(2).noneMatch(key -> key.contains("C-2"));
    assertThat(f.engine.timeline("C-2")).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.MESSAGE_FAILED);
      assertThat(e.stageId()).isEqualTo("reminder1");
      assertThat(e.detail()).contains("dunning_outbox.fallbacks", "malformed JSON");
    });
    assertThat(db.queryString("SELECT status FROM dunning_outbox WHERE case_id = 'C-2'")).isEqualTo("failed");
    assertThat(f.engine.dispatch().delivered()).isZero();
    assertThat(f.engine.timeline("C-2")).filteredOn(e -> e.type() == EventType.MESSAGE_FAILED).hasSize(1);
  }

  @Test
  void anOutboxRowWithAnUnknownChannelFailsOnItsCasesTimelineNamingTheColumn() {
    queueTheFirstReminders();
    db.execute("UPDATE dunning_outbox SET channel = 'pigeon' WHERE case_id = 'C-3'");

    assertThat(f.engine.dispatch().delivered()).isEqualTo(2);

    assertThat(f.engine.timeline("C-3")).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.MESSAGE_FAILED);
      assertThat(e.detail()).contains("dunning_outbox.channel", "pigeon");
    });
    assertThat(f.engine.timeline("C-1")).last().extracting(TimelineEvent::type).isEqualTo(EventType.MESSAGE_SENT);
  }

  @Test
  void theDeskListingSkipsACaseItCannotReadAndListsTheOthers() {
    db.execute("UPDATE dunning_case SET claims = '[{\"invoiceNumber\": 7' WHERE id = 'C-2'");

    List<RecoveryCase> listed = f.engine.query(CaseQuery.all().tenant(CaseFixtures.TENANT));

    assertThat(listed).extracting(RecoveryCase::id).containsExactly("C-1", "C-3");
    assertThatThrownBy(() -> f.engine.find("C-2")).hasMessageContaining("dunning_case.claims of case C-2");
  }

  /** Advances the three cases into the first reminder, their e-mails queued and not yet sent. */
  private void queueTheFirstReminders() {
    f.clock.set(REMINDER1);
    assertThat(f.engine.advance().messagesQueued()).isEqualTo(3);
  }
}
