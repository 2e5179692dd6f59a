package dev.dunning.internal;

import dev.dunning.playbook.Playbook;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's playbooks by id, with the one new cases get unless they name another. */
public final class Playbooks {
  private final Map<String, Playbook> byId;
  private final String defaultId;

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
