package dev.dunning.examples.demo;

import dev.dunning.model.ChannelType;
import dev.dunning.spi.Channel;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the channels the demo cannot really reach (a court's e-filing service, a
 * collection agency's API): it logs what would be filed and returns a receipt, so the case moves
 * on and its timeline shows the hand-over.
 */
public final class LoggingChannel implements Channel {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingChannel.class);

  private final ChannelType type;

  public LoggingChannel(ChannelType type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public ChannelType type() {
    return type;
  }

  @Override
  public Receipt send(OutboundMessage message) {
    var c = message.recoveryCase();
    LOG.info("{}: would file case {} ({}, balance {}) for stage {}", type.code(), c.id(), c.debtor().name(),
        c.balance(), message.message().stageId());
    // the idempotency key makes the receipt the same on a repeated delivery, as a real provider's would be
    return new Receipt(type.code() + ":" + message.message().idempotencyKey(), "logged by the demo, nothing was sent");
  }
}
