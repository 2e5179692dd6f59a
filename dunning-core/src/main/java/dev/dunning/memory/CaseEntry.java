package dev.dunning.memory;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.OutboxMessage;
import java.util.Arrays;
import java.util.List;

/**
 * One case of the in-memory store with its timeline and outbox messages; the entry is its own node
 * in the due-case index, each message slot its own node in the due-message index. Every access holds
 * the entry's monitor; adding slots also holds the entry's {@link MessageKeys} stripe.
 */
final class CaseEntry extends DueIndex.Node {
  final String id;
  /** Whether the id has no ':', so that keys starting with it and ':' can only be this case's (see MessageKeys). */
  final boolean idHasNoColon;
  RecoveryCase current;
  /** The timeline, oldest first; grows by doubling (a case gathers about ten events). */
  private TimelineEvent[] events = new TimelineEvent[2];
  private int eventCount;
  /** The case's messages in the order they were queued; null until the first. */
  private Slot[] slots;
  private int slotCount;

  /** One outbox message of a case, in its latest state. */
  static final class Slot extends DueIndex.Node {
    final CaseEntry entry;
    /** The message's idempotency key and its hash: a look-up compares ints before it touches a string. */
    final String key;
    final int hash;
    OutboxMessage message;

    Slot(CaseEntry entry, OutboxMessage message) {
      this.entry = entry;
      this.key = message.idempotencyKey();
      this.hash = key.hashCode();
      this.message = message;
    }
  }

  CaseEntry(RecoveryCase current) {
    this.id = current.id();
    this.idHasNoColon = id.indexOf(':') < 0;
    this.current = current;
  }

  int slotCount() {
    return slotCount;
  }

  Slot slot(int i) {
    return slots[i];
  }

  /** The slot of the message with this key, or null. */
  Slot slot(String key) {
    int hash = key.hashCode();
    for (int i = 0; i < slotCount; i++) {
      Slot slot = slots[i];
      if (slot.hash == hash && slot.key.equals(key)) {
        return slot;
      }
    }
    return null;
  }

  Slot add(OutboxMessage message) {
    if (slots == null) {
      slots = new Slot[2];
    } else if (slotCount == slots.length) {
      slots = Arrays.copyOf(slots, slotCount * 2);
    }
    Slot slot = new Slot(this, message);
    slots[slotCount++] = slot;
    return slot;
  }

  void append(TimelineEvent event) {
    if (eventCount == events.length) {
      events = Arrays.copyOf(events, eventCount * 2);
    }
    events[eventCount++] = event;
  }

  void append(List<TimelineEvent> more) {
    for (int i = 0; i < more.size(); i++) {
      append(more.get(i));
    }
  }

  List<TimelineEvent> timeline() {
    return List.copyOf(Arrays.asList(events).subList(0, eventCount));
  }

  List<OutboxMessage> messages() {
    OutboxMessage[] all = new OutboxMessage[slotCount];
    for (int i = 0; i < all.length; i++) {
      all[i] = slots[i].message;
    }
    return List.of(all);
  }
}
