package dev.dunning.testing;

import dev.dunning.model.ChannelType;
import dev.dunning.spi.Channel;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Channel} that accepts every message and keeps nothing: for benchmarks and dry runs
 * where a {@link RecordingChannel}'s memory would distort the figures.
 *
 * @since 0.1
 */
public final class NoopChannel implements Channel {
  private static final Receipt RECEIPT = Receipt.of("noop");
  private final ChannelType type;

  public NoopChannel(ChannelType type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** One no-op channel per type. */
  public static List<NoopChannel> forEveryType() {
    List<NoopChannel> all = new ArrayList<>();
    for (ChannelType t : ChannelType.values()) {
      all.add(new NoopChannel(t));
    }
    return all;
  }

  @Override
  public ChannelType type() {
    return type;
  }

  @Override
  public Receipt send(OutboundMessage message) {
    return RECEIPT;
  }
}
