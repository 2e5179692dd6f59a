package dev.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Anchor;
import dev.dunning.playbook.DayCount;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.PlaybookException;
import dev.dunning.playbook.PlaybookLoader;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import java.math.BigDecimal;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PlaybookLoaderTest {

  @Test
  void theDefaultPlaybookAsJsonLoadsToTheSamePlaybook() {
    Playbook loaded = PlaybookLoader.fromResource("/playbooks/default.json");

    assertThat(loaded).isEqualTo(Playbook.defaultPlaybook());
  }

  @Test
  void everyFieldIsReadWithItsDefaults() {
    Playbook p = PlaybookLoader.fromJson("""
        { "id": "b2b", "sendTime": "10:30",
          "stages": [
            { "id": "pre", "kind": "pre_due_reminder", "start": {"from": "due_date", "days": -7},
              "deadlineDays": 7, "channels": ["email"] },
            { "id": "notice", "kind": "formal_notice", "start": {"from": "previous_deadline", "days": 2},
              "deadlineDays": 15, "dayCount": "business", "channels": ["registered_letter", "email"],
              "delivery": "all", "template": "notice_b2b", "fee": "40.00", "requiresApproval": true }
          ] }
        """);

    assertThat(p.sendTime()).isEqualTo(LocalTime.of(10, 30));
    Stage pre = p.stages().get(0);
    assertThat(pre.templateKey()).isEqualTo("pre");
    assertThat(pre.fee()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(pre.delivery()).isEqualTo(Delivery.FIRST_REACHABLE);
    assertThat(pre.start().anchor()).isEqualTo(Anchor.DUE_DATE);
    Stage notice = p.stages().get(1);
    assertThat(notice.kind()).isEqualTo(StageKind.FORMAL_NOTICE);
    assertThat(notice.dayCount()).isEqualTo(DayCount.BUSINESS);
    assertThat(notice.channels()).containsExactly(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL);
    assertThat(notice.fee()).isEqualTo(new BigDecimal("40.00"));
    assertThat(notice.requiresApproval()).isTrue();
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPathAndReason() {
    PlaybookException e = catchThrowableOfType(PlaybookException.class, () -> PlaybookLoader.fromJson("""
        { "id": "Bad Id", "colour": "red",
          "stages": [
            { "id": "r1", "kind": "reminder", "start": {"from": "previous_deadline"}, "deadlineDays": 8,
              "channels": ["email"] },
            { "id": "r1", "kind": "nagging", "deadlineDays": 8, "channels": ["email", "pigeon", "email"] },
            { "id": "notice", "kind": "formal_notice", "deadlineDays": 0, "channels": [],
              "fee": "-5", "requiresApproval": "yes", "template": "../etc" },
            { "id": "x", "kind": "reminder", "deadlineDays": "eight", "channels": ["email"], "retries": 3 }
          ] }
        """));

    assertThat(e.problems()).extracting(PlaybookException.Problem::message).containsExactlyInAnyOrder(
        "colour is not a known field (known: description, id, sendTime, stages)",
        "id must match [a-z0-9][a-z0-9_-]{0,63}, was 'Bad Id'",
        "stages[0].start.from must be due_date for the first stage, which has no previous deadline",
        "stages[1].id 'r1' is already used by stages[0]",
        "stages[1].kind: unknown stage kind code 'nagging', expected one of pre_due_reminder, due_reminder, reminder, formal_notice, injunction, handover, call_task",
        "stages[1].channels[1]: unknown channel code 'pigeon', expected one of email, sms, letter, registered_letter, registered_email, phone_call, court_filing, collection_agency",
        "stages[1].channels[2] 'email' is listed twice",
        "stages[2].deadlineDays must be >= 1, was 0",
        "stages[2].channels must list at least one channel",
        "stages[2].fee must be >= 0, was -5",
        "stages[2].requiresApproval must be true or false, was \"yes\"",
        "stages[2].template must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}, was '../etc'",
        "stages[3].deadlineDays must be a whole number, was \"eight\"",
        "stages[3].retries is not a known field (known: channels, dayCount, deadlineDays, delivery, description, fee, id, kind, requiresApproval, start, template)");
    assertThat(e.problems()).extracting(PlaybookException.Problem::path).startsWith("colour");
    assertThat(e.getMessage()).contains("14 problems").contains("stages[2].deadlineDays must be >= 1, was 0");
  }

  @Test
  void malformedJsonNamesTheLineAndColumn() {
    assertThatThrownBy(() -> PlaybookLoader.fromJson("{ \"id\": \"x\",\n  \"stages\": [ }"))
        .isInstanceOf(PlaybookException.class)
        .hasMessageContaining("not valid JSON at line 2, column");
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    PlaybookException e = catchThrowableOfType(PlaybookException.class,
        () -> PlaybookLoader.fromJson("{ \"stages\": [ { \"kind\": \"reminder\" } ] }"));

    assertThat(e.problems()).extracting(PlaybookException.Problem::message).containsExactlyInAnyOrder(
        "id is required", "stages[0].id is required", "stages[0].deadlineDays is required",
        "stages[0].channels is required");
  }

  @Test
  void aStageAfterAHandoverCanNeverRunAndIsRefused() {
    assertThatThrownBy(() -> Playbook.builder("p")
        .stage(Stage.builder("agency", StageKind.HANDOVER).startDaysFromDueDate(30).deadlineDays(0)
            .channels(ChannelType.COLLECTION_AGENCY).build())
        .stage(Stage.builder("late", StageKind.REMINDER).channels(ChannelType.EMAIL).build())
        .build())
        .isInstanceOf(PlaybookException.class)
        .hasMessageContaining("stages[1] can never run: stages[0] is a handover, which closes the case");
  }
}
