package dev.dunning.memory;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.CaseNotFoundException;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.spi.DuplicateCaseException;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.OutboxStatus;
import dev.dunning.spi.StaleCaseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe {@link CaseStore} in memory: for tests, demos and users' own playbook tests.
 *
 * <p>Each case is guarded by its own lock; due cases and due messages sit in time-ordered indexes
 * ({@link DueIndex}) and taking a node out of an index is what claims it, so a tick over a million
 * open cases of which none is due looks at one index bucket. Nothing survives the JVM.
 *
 * @since 0.1
 */
public final class InMemoryCaseStore implements CaseStore {
  private final ConcurrentHashMap<String, Entry> cases = new ConcurrentHashMap<>();
  /** Every idempotency key in the store: keys are unique per store, not only per case. */
  private final Set<String> messageKeys = ConcurrentHashMap.newKeySet();
  private final DueIndex dueCases = new DueIndex();
  /** PENDING messages by next attempt and IN_FLIGHT ones by lease expiry: both are claimable then. */
  private final DueIndex dueMessages = new DueIndex();
  private final AtomicLong leases = new AtomicLong();
  private final String leasePrefix = UUID.randomUUID() + "-";

  /**
   * One case with its timeline and messages; the entry is its own node in the due-case index.
   * Every access holds its monitor.
   */
  private static final class Entry extends DueIndex.Node {
    RecoveryCase current;
    final ArrayList<TimelineEvent> events = new ArrayList<>(2);
    /** The case's messages in the order they were queued; null until the first. */
    Slot[] slots;
    int slotCount;

    Entry(RecoveryCase current) {
      this.current = current;
    }

    Slot slot(String key) {
      for (int i = 0; i < slotCount; i++) {
        if (slots[i].message.idempotencyKey().equals(key)) {
          return slots[i];
        }
      }
      return null;
    }

    void add(Slot slot) {
      if (slots == null) {
        slots = new Slot[2];
      } else if (slotCount == slots.length) {
        slots = Arrays.copyOf(slots, slotCount * 2);
      }
      slots[slotCount++] = slot;
    }
  }

  /** One outbox message of a case, in its latest state; its own node in the due-message index. */
  private static final class Slot extends DueIndex.Node {
    final Entry entry;
    OutboxMessage message;

    Slot(Entry entry, OutboxMessage message) {
      this.entry = entry;
      this.message = message;
    }
  }

  @Override
  public RecoveryCase create(RecoveryCase recoveryCase, List<TimelineEvent> events, List<OutboxMessage> messages) {
    Entry entry = new Entry(recoveryCase);
    synchronized (entry) {
      reserveKeys(messages);
      if (cases.putIfAbsent(recoveryCase.id(), entry) != null) {
        releaseKeys(messages, messages.size());
        throw new DuplicateCaseException(recoveryCase.id());
      }
      appendEvents(entry, events);
      addMessages(entry, messages);
      index(entry);
    }
    return recoveryCase;
  }

  @Override
  public Optional<RecoveryCase> find(String caseId) {
    Entry entry = cases.get(caseId);
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      return Optional.of(entry.current);
    }
  }

  @Override
  public RecoveryCase update(CaseChange change) {
    Entry entry = entry(change.caseId());
    synchronized (entry) {
      return apply(entry, change);
    }
  }

  @Override
  public List<TimelineEvent> timeline(String caseId) {
    Entry entry = entry(caseId);
    synchronized (entry) {
      return List.copyOf(entry.events);
    }
  }

  @Override
  public List<OutboxMessage> messages(String caseId) {
    Entry entry = entry(caseId);
    synchronized (entry) {
      OutboxMessage[] all = new OutboxMessage[entry.slotCount];
      for (int i = 0; i < all.length; i++) {
        all[i] = entry.slots[i].message;
      }
      return List.of(all);
    }
  }

  @Override
  public List<RecoveryCase> query(CaseQuery query) {
    List<RecoveryCase> matches = new ArrayList<>();
    for (Entry entry : cases.values()) {
      RecoveryCase c;
      synchronized (entry) {
        c = entry.current;
      }
      if (query.matches(c)) {
        matches.add(c);
      }
    }
    matches.sort(Comparator.comparing(RecoveryCase::openedAt).thenComparing(RecoveryCase::id));
    int from = Math.min(query.offset(), matches.size());
    int to = Math.min(from + query.limit(), matches.size());
    return List.copyOf(matches.subList(from, to));
  }

  @Override
  public int processDue(Instant now, int limit, DueCaseHandler handler) {
    int claimed = 0;
    while (claimed < limit) {
      Entry entry = (Entry) dueCases.poll(now);
      if (entry == null) {
        break;
      }
      synchronized (entry) {
        if (!entry.isClaimed()) {
          continue; // a concurrent write rescheduled it after the claim: its new time stands
        }
        claimed++;
        RecoveryCase c = entry.current;
        try {
          DueOutcome outcome = handler.onDue(c);
          if (outcome instanceof CaseChange change) {
            apply(entry, change);
          } else {
            CaseFailure failure = (CaseFailure) outcome; // DueOutcome is sealed: the only other kind
            RecoveryCase rescheduled = c.toBuilder().failures(failure.failures())
                .nextActionAt(failure.retryAt()).version(c.version() + 1).build();
            entry.events.add(failure.event());
            replace(entry, rescheduled);
          }
        } finally {
          if (entry.isClaimed()) {
            index(entry); // nothing was written (the handler or the write threw): the case stays due
          }
        }
      }
    }
    return claimed;
  }

  @Override
  public List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease) {
    List<OutboxMessage> claimed = new ArrayList<>(Math.min(limit, 64));
    Instant leaseUntil = now.plus(lease);
    while (claimed.size() < limit) {
      Slot slot = (Slot) dueMessages.poll(now);
      if (slot == null) {
        break;
      }
      synchronized (slot.entry) {
        if (!slot.isClaimed()) {
          continue; // completed or cancelled after the claim
        }
        // in one process a lease token only has to be unique, not unguessable
        OutboxMessage mine = slot.message.claimed(leasePrefix + leases.incrementAndGet(), leaseUntil);
        slot.message = mine;
        dueMessages.put(slot, leaseUntil); // claimable again once the lease expires
        claimed.add(mine);
      }
    }
    return claimed;
  }

  @Override
  public boolean completeDelivery(DeliveryOutcome outcome) {
    OutboxMessage claimedMessage = outcome.message();
    Entry entry = entry(claimedMessage.caseId());
    synchronized (entry) {
      Slot slot = entry.slot(claimedMessage.idempotencyKey());
      OutboxMessage current = slot == null ? null : slot.message;
      if (current == null || current.status() != OutboxStatus.IN_FLIGHT
          || !Objects.equals(current.leaseToken(), claimedMessage.leaseToken())) {
        return false;
      }
      OutboxMessage followUp = outcome.followUp();
      if (followUp != null) {
        reserveKeys(List.of(followUp));
      }
      OutboxMessage done = current.with(outcome);
      slot.message = done;
      indexMessage(slot);
      appendEvents(entry, outcome.events());
      if (followUp != null) {
        addMessages(entry, List.of(followUp));
      }
      return true;
    }
  }

  /** How many cases are stored. */
  public int size() {
    return cases.size();
  }

  private RecoveryCase apply(Entry entry, CaseChange change) {
    RecoveryCase stored = entry.current;
    if (stored.version() != change.updated().version()) {
      throw new StaleCaseException(stored.id(), change.updated().version());
    }
    reserveKeys(change.messages());
    RecoveryCase written = change.updated().toBuilder().version(stored.version() + 1).build();
    if (change.cancelPendingMessages()) {
      for (int i = 0; i < entry.slotCount; i++) {
        Slot slot = entry.slots[i];
        if (slot.message.status() == OutboxStatus.PENDING) {
          slot.message = slot.message.cancelled();
          indexMessage(slot);
        }
      }
    }
    appendEvents(entry, change.events());
    addMessages(entry, change.messages());
    replace(entry, written);
    return written;
  }

  private void replace(Entry entry, RecoveryCase written) {
    entry.current = written;
    index(entry);
  }

  /** Puts the case in the due index at its next action time, or takes it out. */
  private void index(Entry entry) {
    RecoveryCase c = entry.current;
    dueCases.put(entry, c.isClosed() ? null : c.nextActionAt());
  }

  /** Indexes a message while it is PENDING (at its next attempt) or IN_FLIGHT (at its lease's end), else takes it out. */
  private void indexMessage(Slot slot) {
    OutboxMessage m = slot.message;
    boolean claimable = m.status() == OutboxStatus.PENDING || m.status() == OutboxStatus.IN_FLIGHT;
    dueMessages.put(slot, claimable ? m.nextAttemptAt() : null);
  }

  private static void appendEvents(Entry entry, List<TimelineEvent> events) {
    // one by one: addAll would copy the (usually one- or two-element) list into an array first
    for (int i = 0; i < events.size(); i++) {
      entry.events.add(events.get(i));
    }
  }

  private void addMessages(Entry entry, List<OutboxMessage> messages) {
    for (int i = 0; i < messages.size(); i++) {
      Slot slot = new Slot(entry, messages.get(i));
      entry.add(slot);
      indexMessage(slot);
    }
  }

  /** Claims the messages' keys store-wide, all or none; throws if one is taken. */
  private void reserveKeys(List<OutboxMessage> messages) {
    for (int i = 0; i < messages.size(); i++) {
      String key = messages.get(i).idempotencyKey();
      if (!messageKeys.add(key)) {
        releaseKeys(messages, i);
        throw new IllegalStateException("an outbox message with idempotency key " + key + " already exists");
      }
    }
  }

  private void releaseKeys(List<OutboxMessage> messages, int count) {
    for (int i = 0; i < count; i++) {
      messageKeys.remove(messages.get(i).idempotencyKey());
    }
  }

  private Entry entry(String caseId) {
    Entry entry = cases.get(caseId);
    if (entry == null) {
      throw new CaseNotFoundException(caseId);
    }
    return entry;
  }
}
