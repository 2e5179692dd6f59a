package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.spi.OutboundMessage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A channel is told which channels the stage attempt of its message goes out on at once, as the
 * engine's router routed it: what an e-mail may say about a registered letter depends on it.
 */
class StageChannelsTest {

  @Test
  void theFormalNoticeOnAllItsChannelsNamesBothAndAReminderOnlyItsOwn() {
    EngineFixture f = new EngineFixture();

    runToTheFormalNotice(f);

    List<OutboundMessage> emails = f.sent(ChannelType.EMAIL);
    assertThat(emails).extracting(m -> m.message().stageId()).containsExactly("reminder1", "reminder2", "formal_notice");
    assertThat(emails.get(0).stageChannels()).containsExactly(ChannelType.EMAIL);
    assertThat(emails.get(1).stageChannels()).containsExactly(ChannelType.EMAIL);
    assertThat(emails.get(2).stageChannels()).containsExactlyInAnyOrder(ChannelType.REGISTERED_LETTER, ChannelType.EMAIL);
    assertThat(f.sent(ChannelType.REGISTERED_LETTER)).singleElement()
        .satisfies(m -> assertThat(m.stageChannels()).containsExactlyInAnyOrder(ChannelType.REGISTERED_LETTER,
            ChannelType.EMAIL));
  }

  @Test
  void aHostRouterThatDropsTheRegisteredLetterLeavesItOut() {
    ChannelRouter noRegisteredLetters = (stage, debtor) -> stage.channels().stream()
        .filter(c -> c != ChannelType.REGISTERED_LETTER).toList();
    EngineFixture f = new EngineFixture(b -> b.channelRouter(noRegisteredLetters));

    runToTheFormalNotice(f);

    assertThat(f.sent(ChannelType.REGISTERED_LETTER)).isEmpty();
    assertThat(f.sent(ChannelType.EMAIL)).last().extracting(OutboundMessage::stageChannels)
        .isEqualTo(List.of(ChannelType.EMAIL));
  }

  private static void runToTheFormalNotice(EngineFixture f) {
    f.openCase();
    f.tickAt(sendTimeOn(DUE.plusDays(1)));
    f.tickAt(sendTimeOn(LocalDate.of(2026, 2, 24)));
    f.tickAt(sendTimeOn(LocalDate.of(2026, 3, 5)));
    assertThat(f.current("C-1").stageId()).isEqualTo("formal_notice");
  }
}
