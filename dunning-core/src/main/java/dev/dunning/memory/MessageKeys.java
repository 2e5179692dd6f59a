package dev.dunning.memory;

import dev.dunning.spi.OutboxMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Keeps outbox idempotency keys unique in the whole in-memory store without a store-wide set of
 * every key (that set cost a hash of each new key, a map node per message and the map's resizing:
 * a fifth of a transition's CPU time).
 *
 * <p>A key made by {@code OutboxMessage.keyOf} starts with its case id and ':'. When the id has no
 * ':' of its own, that prefix names the case, so no other case can hold the same key: checking the
 * case's own messages is enough. Any other key (a case id with ':', a key made by hand) is
 * <em>foreign</em>: foreign keys are kept in a map, and as one could equal a key of the case its
 * prefix names, that case's messages are checked too.
 *
 * <p>Locking: adding keys to a case holds that case's stripe, so a case's list of messages only
 * grows under it; adding a foreign key holds every stripe, so it may read any case's list and the
 * foreign map. Stripes are taken after the entry's monitor and in index order: no deadlock.
 */
final class MessageKeys {
  private final ReentrantLock[] stripes = new ReentrantLock[32];
  /** Foreign keys; written under every stripe, read under any one. */
  private final Map<String, CaseEntry> foreign = new HashMap<>();
  private final Function<String, CaseEntry> cases;

  MessageKeys(Function<String, CaseEntry> cases) {
    this.cases = cases;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** {@link #reserve} held nothing: there were no messages. */
  static final int NONE = 0;
  /** {@link #reserve} holds the entry's stripe. */
  static final int OWN = 1;
  /** {@link #reserve} holds every stripe (a foreign key). */
  static final int ALL = 2;

  /**
   * Locks what adding {@code messages} to {@code entry} needs and checks that none of their keys is
   * in the store yet (nor twice among them). The caller then adds them to the entry and calls
   * {@link #unlock} with the result.
   *
   * @return what is held, {@link #NONE}, {@link #OWN} or {@link #ALL}, to pass to {@link #unlock}
   * @throws IllegalStateException if a key is taken; nothing is then held or recorded
   */
  int reserve(CaseEntry entry, List<OutboxMessage> messages) {
    if (messages.isEmpty()) {
      return NONE;
    }
    int held = OWN;
    for (int i = 0; i < messages.size() && held == OWN; i++) {
      held = scoped(entry, messages.get(i).idempotencyKey()) ? OWN : ALL;
    }
    lock(entry, held);
    try {
      for (int i = 0; i < messages.size(); i++) {
        check(entry, messages, i);
      }
      if (held == ALL) {
        for (int i = 0; i < messages.size(); i++) {
          String key = messages.get(i).idempotencyKey();
          if (!scoped(entry, key)) {
            foreign.put(key, entry);
          }
        }
      }
      return held;
    } catch (RuntimeException e) {
      unlock(entry, held);
      throw e;
    }
  }

  /** Undoes {@link #reserve} when the caller does not add the messages after all (call before {@link #unlock}). */
  void forget(CaseEntry entry, List<OutboxMessage> messages, int held) {
    if (held == ALL) {
      for (int i = 0; i < messages.size(); i++) {
        foreign.remove(messages.get(i).idempotencyKey(), entry);
      }
    }
  }

  void unlock(CaseEntry entry, int held) {
    if (held == ALL) {
      for (int i = stripes.length - 1; i >= 0; i--) {
        stripes[i].unlock();
      }
    } else if (held == OWN) {
      stripes[stripe(entry)].unlock();
    }
  }

  private void lock(CaseEntry entry, int held) {
    if (held == ALL) {
      for (ReentrantLock stripe : stripes) {
        stripe.lock();
      }
    } else {
      stripes[stripe(entry)].lock();
    }
  }

  private void check(CaseEntry entry, List<OutboxMessage> messages, int i) {
    String key = messages.get(i).idempotencyKey();
    boolean taken = entry.slot(key) != null;
    for (int j = 0; j < i && !taken; j++) {
      taken = messages.get(j).idempotencyKey().equals(key);
    }
    if (!taken && !foreign.isEmpty()) {
      taken = foreign.containsKey(key);
    }
    if (!taken && !scoped(entry, key)) {
      int colon = key.indexOf(':');
      CaseEntry named = colon < 0 ? null : cases.apply(key.substring(0, colon));
      taken = named != null && named != entry && named.slot(key) != null;
    }
    if (taken) {
      throw new IllegalStateException("an outbox message with idempotency key " + key + " already exists");
    }
  }

  /** Whether {@code key} starts with the case's id and ':' and the id has no ':' (so the prefix names the case). */
  private static boolean scoped(CaseEntry entry, String key) {
    String id = entry.id;
    return entry.idHasNoColon && key.length() > id.length() && key.charAt(id.length()) == ':' && key.startsWith(id);
  }

  private int stripe(CaseEntry entry) {
    return (entry.id.hashCode() & 0x7fffffff) % stripes.length;
  }
}
