package dev.dunning.testing;

import dev.dunning.model.ChannelType;
import dev.dunning.spi.Channel;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Channel} that keeps what it is given instead of sending it: for tests, demos and dry
 * runs. It can be told to fail, transiently or permanently, to exercise retries and fallbacks.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class RecordingChannel implements Channel {
  private final ChannelType type;
  private final ConcurrentLinkedQueue<OutboundMessage> sent = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile Failure failure;

  /** How the channel fails while {@link #failWith} is in force. */
  public enum Failure { TRANSIENT, PERMANENT }

  public RecordingChannel(ChannelType type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** One recording channel per type, for an engine that must accept every channel of a playbook. */
  public static List<RecordingChannel> forEveryType() {
    List<RecordingChannel> all = new ArrayList<>();
    for (ChannelType t : ChannelType.values()) {
      all.add(new RecordingChannel(t));
    }
    return all;
  }

  @Override
  public ChannelType type() {
    return type;
  }

  @Override
  public Receipt send(OutboundMessage message) throws DeliveryException {
    Failure f = failure;
    if (f != null) {
      throw new DeliveryException("recording channel " + type.code() + " told to fail (" + f + ")",
          f == Failure.PERMANENT, null);
    }
    sent.add(message);
    return Receipt.of(type.code() + "-" + sequence.incrementAndGet());
  }

  /** Fails every send from now on ({@code null}: succeed again). */
  public void failWith(Failure failure) {
    this.failure = failure;
  }

  /** What was delivered, in order. */
  public List<OutboundMessage> sent() {
    return List.copyOf(sent);
  }

  /** What was delivered for one case, in order. */
  public List<OutboundMessage> sentFor(String caseId) {
    return sent.stream().filter(m -> m.recoveryCase().id().equals(caseId)).toList();
  }

  public void clear() {
    sent.clear();
  }
}
