package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.memory.InMemoryCaseStore;
import dev.dunning.model.ChannelType;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DeliveryResult;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.spi.Receipt;
import dev.dunning.testkit.ForwardingCaseStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A channel or a store that misbehaves for one message costs that message only, never the rest of the batch. */
class DispatcherRobustnessTest {

  @Test
  void aNullResultFromSendBatchIsARetryableFailureNamingTheChannel() {
    EngineFixture f = new EngineFixture(new NullForC1());
    f.openCase("C-1", "10.00");
    f.openCase("C-2", "20.00");

    TickReport report = f.tickAt(sendTimeOn(DUE.plusDays(1)));

    assertThat(report.delivered()).isEqualTo(1);
    assertThat(report.retrying()).isEqualTo(1);
    assertThat(f.engine.messages("C-1")).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(m.lastError()).contains("channel email").contains("null");
    });
    assertThat(f.engine.messages("C-2")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aStoreErrorRecordingOneOutcomeLeavesTheOthersRecordedAndThatMessageIsRetriedAfterItsLease() {
    FailingCompletion store = new FailingCompletion("C-1:reminder1:1:email");
    EngineFixture f = new EngineFixture(store, b -> { });
    f.openCase("C-1", "10.00");
    f.openCase("C-2", "20.00");
    Instant start = sendTimeOn(DUE.plusDays(1));

    TickReport report = f.tickAt(start);

    assertThat(report.delivered()).isEqualTo(1);
    assertThat(f.engine.messages("C-2")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.SENT);
    assertThat(f.engine.messages("C-1")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.IN_FLIGHT);

    store.failing = null;
    f.tickAt(start.plus(RecoveryEngineBuilder.DEFAULT_DELIVERY_LEASE));
    assertThat(f.engine.messages("C-1")).singleElement().extracting(OutboxMessage::status).isEqualTo(OutboxStatus.SENT);
  }

  /** An e-mail adapter whose batch has a hole where C-1's result should be. */
  private static final class NullForC1 implements dev.dunning.spi.Channel {
    @Override
    public ChannelType type() {
      return ChannelType.EMAIL;
    }

    @Override
    public Receipt send(OutboundMessage message) {
      return Receipt.of("ok-" + message.recoveryCase().id());
    }

    @Override
    public List<DeliveryResult> sendBatch(List<OutboundMessage> messages) {
      List<DeliveryResult> results = new ArrayList<>();
      for (OutboundMessage m : messages) {
        results.add(m.recoveryCase().id().equals("C-1") ? null : DeliveryResult.sent(m, send(m)));
      }
      return results;
    }
  }

  /** The in-memory store, except that recording the outcome of one message throws. */
  private static final class FailingCompletion extends ForwardingCaseStore {
    volatile String failing;

    FailingCompletion(String failing) {
      super(new InMemoryCaseStore());
      this.failing = failing;
    }

    @Override
    public boolean completeDelivery(DeliveryOutcome outcome) {
      if (outcome.message().idempotencyKey().equals(failing)) {
        throw new IllegalStateException("disk full");
      }
      return super.completeDelivery(outcome);
    }
  }
}
