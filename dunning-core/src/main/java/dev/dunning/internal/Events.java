package dev.dunning.internal;

import dev.dunning.model.TimelineEvent;
import java.util.List;

/** Event lists as the engine passes them to a store. */
final class Events {
  private Events() {}

  /**
   * {@code events} and then {@code event}, as an immutable list: the store's {@code CaseChange} and
   * {@code DeliveryOutcome} keep such a list as it is, where they would copy a mutable one.
   */
  static List<TimelineEvent> append(List<TimelineEvent> events, TimelineEvent event) {
    switch (events.size()) {
      case 0:
        return List.of(event);
      case 1:
        return List.of(events.get(0), event);
      default:
        TimelineEvent[] all = events.toArray(new TimelineEvent[events.size() + 1]);
        all[all.length - 1] = event;
        return List.of(all);
    }
  }
}
