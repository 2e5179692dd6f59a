package dev.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.playbook.Playbook;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.policy.DeadlinePolicy;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.testkit.CaseFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The STAGE_ENTERED text, character for character, in each of the shapes the decider builds it. */
class StageEnteredTextTest {
  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  private final Decider decider = new Decider(new Playbooks(List.of(Playbook.defaultPlaybook()), Playbook.DEFAULT_ID),
      EscalationPolicy.playbookOrder(), DeadlinePolicy.fromPlaybook(), ChannelRouter.reachablePreferredFirst());

  @Test
  void oneMessage() {
    RecoveryCase c = CaseFixtures.openCase("C-1", null);

    assertThat(entered(decider.decide(c, at(LocalDate.of(2026, 2, 15)))))
        .isEqualTo("reminder, deadline 2026-02-23, balance 1284.51 EUR, via email (C-1:reminder1:1:email)");
  }

  @Test
  void aReissueNamesItsAttempt() {
    RecoveryCase c = CaseFixtures.openCase("C-1", null).toBuilder().stageId("reminder1").stageAttempt(1)
        .deadline(LocalDate.of(2026, 2, 23)).build();

    assertThat(entered(decider.reissue(c, at(LocalDate.of(2026, 2, 20)), Actor.SYSTEM, List.of())))
        .isEqualTo("reminder (attempt 2), deadline 2026-02-28, balance 1284.51 EUR, via email (C-1:reminder1:2:email)");
  }

  @Test
  void everyMessageOfAStageDeliveredOnAllChannelsPreferredFirst() {
    RecoveryCase c = CaseFixtures.openCase("C-1", null).toBuilder().stageId("reminder2").stageAttempt(1)
        .deadline(LocalDate.of(2026, 3, 3)).build();

    assertThat(entered(decider.decide(c, at(LocalDate.of(2026, 3, 4))))).isEqualTo("formal_notice, deadline 2026-03-19,"
        + " balance 1284.51 EUR, via email (C-1:formal_notice:1:email),"
        + " registered_letter (C-1:formal_notice:1:registered_letter)");
  }

  private static Instant at(LocalDate day) {
    return day.atTime(LocalTime.of(9, 0)).atZone(BRUSSELS).toInstant();
  }

  private static String entered(Step step) {
    return step.events().stream().filter(e -> e.type() == EventType.STAGE_ENTERED).map(TimelineEvent::detail)
        .findFirst().orElseThrow();
  }
}
