package dev.dunning.jdbc;

import static dev.dunning.jdbc.support.JdbcEngine.REMINDER1;
import static dev.dunning.jdbc.support.JdbcEngine.REMINDER2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.TickReport;
import dev.dunning.jdbc.support.JdbcEngine;
import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.model.EventType;
import dev.dunning.model.TimelineEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Stored rows the current code cannot read or decide: that case fails visibly and retries; the others go on. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class BadDataTest {
  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase db;
  private JdbcEngine f;

  @BeforeEach
  void threeCases() {
    db = TestDatabase.create(kind);
    f = new JdbcEngine(db.dataSource(), JdbcEngine.newClock());
    f.open("C-1");
    f.open("C-2");
    f.open("C-3");
  }

  @AfterEach
  void close() {
    db.close();
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
}
