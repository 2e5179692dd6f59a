package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewTest {

  @Test
  void previewShowsTheWholeLadderWithDatesDeadlinesChannelsAndBalanceAndSendsNothing() {
    EngineFixture f = new EngineFixture();
    f.openCase();

    List<PreviewStep> steps = f.engine.preview("C-1");

    assertThat(steps).extracting(PreviewStep::stageId)
        .containsExactly("reminder1", "reminder2", "formal_notice", "injunction");
    assertThat(steps.get(0).at()).isEqualTo(sendTimeOn(DUE.plusDays(1)));
    assertThat(steps.get(0).deadline()).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(steps.get(2).channels()).containsExactlyInAnyOrder(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL);
    assertThat(steps.get(3).needsApproval()).isTrue();
    assertThat(steps).extracting(PreviewStep::balance).containsOnly(Money.of("1234.56", "EUR"));
    assertThat(f.sentCount()).isZero();
    assertThat(f.engine.messages("C-1")).isEmpty();
    assertThat(f.current("C-1").version()).isZero();
  }

  @Test
  void previewEqualsWhatActuallyHappensWhenTheClockRunsForwardWithFeesAndApproval() {
    Playbook withFees = Playbook.builder("fees")
        .stage(Stage.builder("pre", StageKind.PRE_DUE_REMINDER).startDaysFromDueDate(-7).deadlineDays(7)
            .channels(ChannelType.EMAIL).build())
        .stage(Stage.builder("r1", StageKind.REMINDER).startDaysFromDueDate(3).deadlineDays(10)
            .channels(ChannelType.EMAIL, ChannelType.LETTER).build())
        .stage(Stage.builder("notice", StageKind.FORMAL_NOTICE).startDaysAfterPreviousDeadline(2).deadlineDays(15)
            .dayCount(dev.dunning.playbook.DayCount.BUSINESS).fee("40.00")
            .channels(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL).delivery(dev.dunning.playbook.Delivery.ALL).build())
        .stage(Stage.builder("agency", StageKind.HANDOVER).startDaysAfterPreviousDeadline(0).deadlineDays(0)
            .channels(ChannelType.COLLECTION_AGENCY).requiresApproval(true).fee("25.00").build())
        .build();
    EngineFixture f = new EngineFixture(b -> b.playbook(withFees));
    RecoveryCase opened = f.openCase();

    List<PreviewStep> predicted = f.engine.preview(opened);

    List<PreviewStep> actual = new ArrayList<>();
    for (int guard = 0; guard < 20; guard++) {
      RecoveryCase c = f.current("C-1");
      if (c.isClosed()) {
        break;
      }
      if (c.status() == CaseStatus.AWAITING_APPROVAL) {
        RecoveryCase approved = f.engine.approve("C-1", Actor.manager("anna"));
        actual.add(stepOf(f, approved, f.clock.instant(), true));
        continue;
      }
      if (c.nextActionAt() == null) {
        break;
      }
      f.tickAt(c.nextActionAt());
      RecoveryCase after = f.current("C-1");
      if (after.stageId() != null && after.version() > c.version() && !after.stageId().equals(c.stageId())) {
        actual.add(stepOf(f, after, f.clock.instant(), false));
      }
    }

    assertThat(predicted).extracting(PreviewStep::stageId).containsExactly("pre", "r1", "notice", "agency");
    assertThat(actual).isEqualTo(predicted);
    assertThat(f.current("C-1").balance()).isEqualTo(Money.of("1299.56", "EUR"));
  }

  private static PreviewStep stepOf(EngineFixture f, RecoveryCase c, java.time.Instant at, boolean approval) {
    var stage = f.engine.playbook(c.playbookId()).stage(c.stageId()).orElseThrow();
    var channels = f.engine.messages(c.id()).stream().filter(m -> m.stageId().equals(c.stageId()))
        .map(m -> m.channel()).toList();
    return new PreviewStep(at, c.stageId(), stage.kind(), channels, c.deadline(), c.balance(), approval);
  }

  @Test
  void previewOfACaseAlreadyDueMatchesTheNextTick() {
    EngineFixture f = new EngineFixture();
    f.openCase();
    f.clock.set(sendTimeOn(DUE.plusDays(10)));

    List<PreviewStep> predicted = f.engine.preview("C-1");

    assertThat(predicted.get(0).at()).isEqualTo(sendTimeOn(DUE.plusDays(10)));
    assertThat(predicted.get(0).deadline()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(runForward(f)).isEqualTo(predicted);
  }

  @Test
  void previewOfAHeldCaseWhoseHoldEndedStartsNow() {
    EngineFixture f = new EngineFixture();
    f.openCase();
    f.engine.hold("C-1", dev.dunning.model.HoldReason.PROMISE_TO_PAY, sendTimeOn(DUE.plusDays(3)), "",
        Actor.debtor("portal"));
    f.clock.set(sendTimeOn(DUE.plusDays(20)));

    List<PreviewStep> predicted = f.engine.preview("C-1");

    assertThat(predicted.get(0).at()).isEqualTo(sendTimeOn(DUE.plusDays(20)));
    assertThat(runForward(f)).isEqualTo(predicted);
  }

  /** Ticks the case forward as a scheduler would (never back in time), approving when asked, recording each stage. */
  private static List<PreviewStep> runForward(EngineFixture f) {
    List<PreviewStep> actual = new ArrayList<>();
    for (int guard = 0; guard < 20; guard++) {
      RecoveryCase c = f.current("C-1");
      if (c.isClosed()) {
        break;
      }
      if (c.status() == CaseStatus.AWAITING_APPROVAL) {
        actual.add(stepOf(f, f.engine.approve("C-1", Actor.manager("anna")), f.clock.instant(), true));
        continue;
      }
      if (c.nextActionAt() == null) {
        break;
      }
      java.time.Instant at = c.nextActionAt().isBefore(f.clock.instant()) ? f.clock.instant() : c.nextActionAt();
      f.tickAt(at);
      RecoveryCase after = f.current("C-1");
      if (after.stageId() != null && after.version() > c.version() && !after.stageId().equals(c.stageId())) {
        actual.add(stepOf(f, after, at, false));
      }
    }
    return actual;
  }
}
