package dev.dunning.policy;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Debtor;
import dev.dunning.playbook.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders a stage's channels for one debtor. The default keeps the stage's order (list the cheapest
 * first), moves the debtor's preferred channels to the front, and drops channels that cannot reach
 * the debtor (no e-mail address, no complete postal address); if none can, it keeps the stage's
 * list so the failure is recorded by the channel rather than silently skipped.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ChannelRouter {

  List<ChannelType> route(Stage stage, Debtor debtor);

  static ChannelRouter reachablePreferredFirst() {
    return (stage, debtor) -> {
      if (debtor.channelPreferences().isEmpty() && reachesAll(stage.channels(), debtor)) {
        return stage.channels(); // the common case, without copying
      }
      List<ChannelType> preferred = new ArrayList<>();
      List<ChannelType> others = new ArrayList<>();
      for (ChannelType channel : stage.channels()) {
        if (channel.reaches(debtor)) {
          (debtor.channelPreferences().contains(channel) ? preferred : others).add(channel);
        }
      }
      preferred.addAll(others);
      return preferred.isEmpty() ? stage.channels() : List.copyOf(preferred);
    };
  }

  private static boolean reachesAll(List<ChannelType> channels, Debtor debtor) {
    for (ChannelType channel : channels) {
      if (!channel.reaches(debtor)) {
        return false;
      }
    }
    return true;
  }
}
