package dev.dunning;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.ChannelType;
import dev.dunning.testing.RecordingChannel;
import org.junit.jupiter.api.Test;

class EngineBuilderTest {

  @Test
  void everyConfigurationProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> RecoveryEngine.builder().channel(new RecordingChannel(ChannelType.EMAIL)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("5 problems")
        .hasMessageContaining("no creditor")
        .hasMessageContaining("stages[0] (reminder1) uses channel letter, but no Channel is registered for it")
        .hasMessageContaining("stages[2] (formal_notice) uses channel registered_letter")
        .hasMessageContaining("stages[3] (injunction) uses channel court_filing");
  }

  @Test
  void aChannelTypeCanBeRegisteredOnce() {
    assertThatThrownBy(() -> RecoveryEngine.builder().channel(new RecordingChannel(ChannelType.EMAIL))
        .channel(new RecordingChannel(ChannelType.EMAIL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a channel for email is already registered");
  }

  @Test
  void settingsOutOfRangeNameTheSettingAndTheValue() {
    assertThatThrownBy(() -> RecoveryEngine.builder().batchSize(0))
        .hasMessage("batchSize must be between 1 and 10000, was 0");
    assertThatThrownBy(() -> RecoveryEngine.builder().deliveryLease(java.time.Duration.ofSeconds(5)))
        .hasMessage("deliveryLease must be >= 1 minute, was PT5S");
  }
}
