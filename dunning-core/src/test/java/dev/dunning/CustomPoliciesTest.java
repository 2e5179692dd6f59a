package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.DayCount;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.DeadlinePolicy;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.spi.Receipt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policies a host plugs into the builder: each changes what the engine does, not only what it is told. */
class CustomPoliciesTest {

  /** Back and forth between the two reminders: a host may plug such a policy, and every message must still go out once. */
  @Test
  void anEscalationPolicyThatGoesBackToAnEarlierStageQueuesEachRunUnderItsOwnKey() {
    EscalationPolicy pingPong = new EscalationPolicy() {
      @Override
      public Optional<Stage> next(RecoveryCase c, Playbook playbook, Instant now) {
        return playbook.stage("reminder1".equals(c.stageId()) ? "reminder2" : "reminder1");
      }
    };
    EngineFixture f = new EngineFixture(b -> b.escalationPolicy(pingPong));
    f.openCase();
    List<String> stages = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      TickReport report = f.tickAt(f.current("C-1").nextActionAt());
      assertThat(report.caseErrors()).isZero();
      assertThat(report.delivered()).isEqualTo(1);
      stages.add(f.current("C-1").stageId());
    }

    assertThat(stages).containsExactly("reminder1", "reminder2", "reminder1", "reminder2", "reminder1", "reminder2");
    List<OutboxMessage> messages = f.engine.messages("C-1");
    assertThat(messages).hasSize(6).extracting(OutboxMessage::status).containsOnly(OutboxStatus.SENT);
    assertThat(messages).extracting(OutboxMessage::idempotencyKey).doesNotHaveDuplicates()
        .startsWith("C-1:reminder1:1:email", "C-1:reminder2:1:email");
    assertThat(f.eventTypes("C-1")).doesNotContain(EventType.PROCESSING_FAILED);
  }

  @Test
  void aCustomDeadlinePolicyDecidesTheDeadlineAndWhenTheNextStageRuns() {
    DeadlinePolicy fortnight = (c, stage, queuedAt) -> LocalDate.ofInstant(queuedAt, c.debtor().timeZone()).plusDays(14);
    EngineFixture f = new EngineFixture(b -> b.deadlinePolicy(fortnight));
    f.openCase();

    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(f.sent(ChannelType.EMAIL)).singleElement()
        .extracting(m -> m.message().deadline()).isEqualTo(LocalDate.of(2026, 3, 1));

    f.tickAt(sendTimeOn(LocalDate.of(2026, 2, 24)));   // the playbook's 8 days have passed, the policy's 14 not
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder1");
    f.tickAt(sendTimeOn(LocalDate.of(2026, 3, 2)));
    assertThat(f.current("C-1").stageId()).isEqualTo("reminder2");
  }

  @Test
  void aBusinessDayDeadlineSkipsTheWeekends() {
    Playbook business = Playbook.builder("business")
        .stage(Stage.builder("reminder1", StageKind.REMINDER).startDaysFromDueDate(1).deadlineDays(8)
            .dayCount(DayCount.BUSINESS).channels(ChannelType.EMAIL).build())
        .build();
    EngineFixture f = new EngineFixture(b -> b.playbook(business));
    f.openCase();

    f.tickAt(sendTimeOn(DUE.plusDays(1)));   // Sunday 15 February 2026

    // Mon 16 … Fri 20 are five working days, Mon 23, Tue 24 and Wed 25 the other three
    assertThat(f.current("C-1").deadline()).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(f.engine.messages("C-1")).singleElement()
        .extracting(OutboxMessage::deadline).isEqualTo(LocalDate.of(2026, 2, 25));
  }

  @Test
  void theBuildersTemplateResolverDecidesWhichTemplateAChannelUses() {
    TemplatedEmail plain = new TemplatedEmail();
    EngineFixture byDefault = new EngineFixture(plain, b -> { });
    TemplatedEmail perChannel = new TemplatedEmail();
    EngineFixture custom = new EngineFixture(perChannel, b -> b.templateResolver(
        (key, channel, locale) -> List.of(channel.code() + "/" + key, key)));

    for (EngineFixture f : List.of(byDefault, custom)) {
      f.openCase();   // a fr-BE debtor
      f.tickAt(sendTimeOn(DUE.plusDays(1)));
    }

    assertThat(plain.received).singleElement().satisfies(m ->
        assertThat(m.templateCandidates()).containsExactly("reminder1_fr_BE", "reminder1_fr", "reminder1"));
    assertThat(plain.templates).containsExactly("reminder1_fr");
    assertThat(perChannel.received).singleElement().satisfies(m ->
        assertThat(m.templateCandidates()).containsExactly("email/reminder1", "reminder1"));
    assertThat(perChannel.templates).containsExactly("email/reminder1");
  }

  /** An e-mail channel with its own template set, rendering the first candidate it has. */
  private static final class TemplatedEmail implements dev.dunning.spi.Channel {
    static final Set<String> KNOWN = Set.of("reminder1", "email/reminder1", "reminder1_fr");
    final List<String> templates = new ArrayList<>();
    final List<OutboundMessage> received = new ArrayList<>();

    @Override
    public ChannelType type() {
      return ChannelType.EMAIL;
    }

    @Override
    public Receipt send(OutboundMessage message) {
      received.add(message);
      templates.add(message.firstTemplate(KNOWN::contains).orElseThrow());
      return Receipt.of("ok");
    }
  }
}
