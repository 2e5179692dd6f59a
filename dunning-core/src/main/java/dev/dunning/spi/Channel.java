package dev.dunning.spi;

import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.policy.TemplateResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers messages of one {@link ChannelType}: e-mail, SMS, a print shop, a registered-mail
 * provider, a court e-filing service. Register one per type with the engine's builder.
 *
 * <p>Called by the dispatcher after the transition that queued the message has been stored, never
 * inside a store transaction. A delivery may be repeated after a crash or a lost lease: use the
 * message's idempotency key to de-duplicate where the provider allows it. An exception other than
 * {@link DeliveryException} is treated as a transient failure of that one message.
 *
 * @since 0.1
 */
public interface Channel {

  ChannelType type();

  /**
   * Delivers one message.
   *
   * @throws DeliveryException if it could not, saying whether retrying can help
   */
  Receipt send(OutboundMessage message) throws DeliveryException;

  /**
   * Delivers a batch (e.g. over one SMTP connection). The default sends one by one. Must return one
   * result per message, in order, and must not throw for a single message's failure.
   */
  default List<DeliveryResult> sendBatch(List<OutboundMessage> messages) {
    List<DeliveryResult> results = new ArrayList<>(messages.size());
    for (OutboundMessage message : messages) {
      try {
        results.add(DeliveryResult.sent(message, send(message)));
      } catch (DeliveryException e) {
        results.add(DeliveryResult.failed(message, e));
      } catch (RuntimeException e) {
        results.add(DeliveryResult.failed(message, DeliveryException.retryable(String.valueOf(e), e)));
      }
    }
    return results;
  }

  /** Problems with delivering {@code playbook}'s stages (e.g. a missing template), checked when the engine is built. */
  default List<String> validate(Playbook playbook, TemplateResolver resolver) {
    return List.of();
  }
}
