package dev.dunning.internal;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Debtor;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Stage;
import dev.dunning.policy.ChannelRouter;
import java.util.List;

/**
 * The channels one attempt of a stage goes out on at once, for a message of it to name (an e-mail
 * saying "also sent by registered letter" must be true): on {@link Delivery#ALL}, every channel
 * the router routes the stage to for the debtor; otherwise only the channel the message is on,
 * since the others of its route are fallbacks, used only if it fails.
 */
public final class StageChannels {
  /** {@code List.of(type)} for each channel type, made once: a message of a one-channel stage gets no copy. */
  private static final List<List<ChannelType>> SINGLE = singles();

  private StageChannels() {}

  public static List<ChannelType> of(ChannelRouter router, Stage stage, Debtor debtor, ChannelType channel) {
    return stage.delivery() == Delivery.ALL ? List.copyOf(router.route(stage, debtor)) : only(channel);
  }

  /** {@code List.of(channel)}, shared. */
  public static List<ChannelType> only(ChannelType channel) {
    return SINGLE.get(channel.ordinal());
  }

  private static List<List<ChannelType>> singles() {
    ChannelType[] types = ChannelType.values();
    @SuppressWarnings("unchecked")
    List<ChannelType>[] lists = new List[types.length];
    for (ChannelType t : types) {
      lists[t.ordinal()] = List.of(t);
    }
    return List.of(lists);
  }
}
