package dev.dunning.internal;

import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's playbooks by id, with the one new cases get unless they name another. */
public final class Playbooks {
  private final Map<String, Playbook> byId;
  private final String defaultId;
  /** Each stage's channel list → the same list without its first channel (a message's fallbacks). */
  private final Map<List<ChannelType>, List<ChannelType>> tails = new IdentityHashMap<>();

  public Playbooks(Collection<Playbook> playbooks, String defaultId) {
    Map<String, Playbook> map = new LinkedHashMap<>();
    for (Playbook p : playbooks) {
      if (map.putIfAbsent(p.id(), p) != null) {
        throw new IllegalArgumentException("two playbooks have the id '" + p.id() + "'");
      }
    }
    if (!map.containsKey(defaultId)) {
      throw new IllegalArgumentException("default playbook '" + defaultId + "' is not registered (known: "
          + map.keySet() + ")");
    }
    this.byId = Map.copyOf(map);
    this.defaultId = defaultId;
    for (Playbook p : map.values()) {
      for (Stage stage : p.stages()) {
        tails.put(stage.channels(), tail(stage.channels()));
      }
    }
  }

  /**
   * The channels after the first of a route, as an immutable list. A route that is a stage's own
   * channel list (what the default router returns for most debtors) gets a list made once, so its
   * messages share it instead of each copying one.
   */
  public List<ChannelType> fallbacks(List<ChannelType> route) {
    List<ChannelType> known = tails.get(route);
    return known != null ? known : tail(route);
  }

  private static List<ChannelType> tail(List<ChannelType> route) {
    return route.isEmpty() ? List.of() : List.copyOf(route.subList(1, route.size()));
  }

  public Playbook get(String id) {
    Playbook p = byId.get(id);
    if (p == null) {
      throw new IllegalStateException("playbook '" + id + "' is not registered with this engine (known: "
          + byId.keySet() + ")");
    }
    return p;
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  public String defaultId() {
    return defaultId;
  }
}
