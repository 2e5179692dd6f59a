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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe {@link CaseStore} in memory: for tests, demos and users' own playbook tests.
 *
 * <p>Each case is guarded by its own lock; due cases and due messages sit in sorted indexes keyed
 * by time, and removing an index entry is what claims it, so a tick over a million open cases of
 * which none is due reads one index entry. Nothing survives the JVM.
 *
 * @since 0.1
 */
public final class InMemoryCaseStore implements CaseStore {
  private final ConcurrentHashMap<String, Entry> cases = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Entry> entryOfMessage = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<Due> dueCases = new ConcurrentSkipListSet<>();
  private final ConcurrentSkipListSet<Due> dueMessages = new ConcurrentSkipListSet<>();
  /**
   * Leases in claim order. The engine claims with one lease duration and a clock that does not go
   * back, so claim order is expiry order; an entry whose message was completed meanwhile is dropped
   * when it reaches the head. This saves a sorted-index insert and removal per delivered message.
   */
  private final ConcurrentLinkedQueue<Due> leases = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final String leasePrefix = UUID.randomUUID() + "-";

  /**
   * A time-ordered index key for a case id or a message key due at {@code at}. The unique sequence
   * breaks ties cheaply; the owner keeps the exact key object it indexed, so removal never searches.
   */
  private record Due(Instant at, long seq, String id, boolean lease) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** One case with its timeline and messages; every access holds its monitor. */
  private static final class Entry {
    RecoveryCase current;
    Due due; // the case's key in dueCases, or null
    final List<TimelineEvent> events = new ArrayList<>(2);
    Map<String, OutboxMessage> messages; // insertion-ordered, created on first message
    Map<String, Due> messageDue; // each claimable message's key in dueMessages

    Entry(RecoveryCase current) {
      this.current = current;
    }
  }

  @Override
  public RecoveryCase create(RecoveryCase recoveryCase, List<TimelineEvent> events, List<OutboxMessage> messages) {
    Entry entry = new Entry(recoveryCase);
    synchronized (entry) {
      rejectDuplicateKeys(messages);
      if (cases.putIfAbsent(recoveryCase.id(), entry) != null) {
        throw new DuplicateCaseException(recoveryCase.id());
      }
      entry.events.addAll(events);
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
      return entry.messages == null ? List.of() : List.copyOf(entry.messages.values());
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
      Due due = firstDue(dueCases, now);
      if (due == null) {
        break;
      }
      if (!dueCases.remove(due)) {
        continue; // another thread claimed it first
      }
      Entry entry = cases.get(due.id());
      synchronized (entry) {
        if (entry.due != due) {
          continue; // a concurrent write rescheduled it; its own index entry stands
        }
        entry.due = null;
        RecoveryCase c = entry.current;
        claimed++;
        DueOutcome outcome;
        try {
          outcome = handler.onDue(c);
        } catch (RuntimeException e) {
          index(entry); // the handler broke its contract: leave the case as it was
          throw e;
        }
        if (outcome instanceof CaseChange change) {
          apply(entry, change);
        } else if (outcome instanceof CaseFailure failure) {
          RecoveryCase rescheduled = c.toBuilder().failures(failure.failures())
              .nextActionAt(failure.retryAt()).version(c.version() + 1).build();
          entry.events.add(failure.event());
          replace(entry, rescheduled);
        }
      }
    }
    return claimed;
  }

  @Override
  public List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease) {
    List<OutboxMessage> claimed = new ArrayList<>();
    while (claimed.size() < limit) {
      Due due = expiredLease(now);
      if (due == null) {
        due = firstDue(dueMessages, now);
        if (due == null) {
          break;
        }
        if (!dueMessages.remove(due)) {
          continue;
        }
      }
      Entry entry = entryOfMessage.get(due.id());
      synchronized (entry) {
        if (entry.messageDue.get(due.id()) != due) {
          continue;
        }
        entry.messageDue.remove(due.id()); // already out of dueMessages: no second search
        OutboxMessage message = entry.messages.get(due.id());
        // in one process a lease token only has to be unique, not unguessable
        OutboxMessage mine = message.claimed(leasePrefix + sequence.incrementAndGet(), now.plus(lease));
        entry.messages.put(mine.idempotencyKey(), mine);
        indexMessage(entry, mine);
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
      OutboxMessage current = entry.messages == null ? null : entry.messages.get(claimedMessage.idempotencyKey());
      if (current == null || current.status() != OutboxStatus.IN_FLIGHT
          || !Objects.equals(current.leaseToken(), claimedMessage.leaseToken())) {
        return false;
      }
      if (outcome.followUp() != null) {
        rejectDuplicateKeys(List.of(outcome.followUp()));
      }
      OutboxMessage done = current.with(outcome);
      entry.messages.put(done.idempotencyKey(), done);
      indexMessage(entry, done);
      entry.events.addAll(outcome.events());
      if (outcome.followUp() != null) {
        addMessages(entry, List.of(outcome.followUp()));
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
    rejectDuplicateKeys(change.messages());
    RecoveryCase written = change.updated().toBuilder().version(stored.version() + 1).build();
    if (change.cancelPendingMessages() && entry.messages != null) {
      for (OutboxMessage m : List.copyOf(entry.messages.values())) {
        if (m.status() == OutboxStatus.PENDING) {
          OutboxMessage cancelled = m.cancelled();
          entry.messages.put(m.idempotencyKey(), cancelled);
          indexMessage(entry, cancelled);
        }
      }
    }
    entry.events.addAll(change.events());
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
    Instant at = c.isClosed() ? null : c.nextActionAt();
    if (entry.due != null) {
      if (entry.due.at().equals(at)) {
        return;
      }
      dueCases.remove(entry.due);
      entry.due = null;
    }
    if (at != null) {
      entry.due = new Due(at, sequence.incrementAndGet(), c.id(), false);
      dueCases.add(entry.due);
    }
  }

  /** Puts a message in the due index while it is PENDING or IN_FLIGHT, or takes it out. */
  private void indexMessage(Entry entry, OutboxMessage m) {
    Due old = entry.messageDue.remove(m.idempotencyKey());
    if (old != null && !old.lease()) {
      dueMessages.remove(old); // a lease is left in its queue and dropped when it reaches the head
    }
    boolean leased = m.status() == OutboxStatus.IN_FLIGHT;
    if (leased || m.status() == OutboxStatus.PENDING) {
      Due due = new Due(m.nextAttemptAt(), sequence.incrementAndGet(), m.idempotencyKey(), leased);
      entry.messageDue.put(m.idempotencyKey(), due);
      if (leased) {
        leases.add(due);
      } else {
        dueMessages.add(due);
      }
    }
  }

  /** The next expired lease still in force, taken off the queue; stale ones are dropped on the way. */
  private Due expiredLease(Instant now) {
    while (true) {
      Due head = leases.peek();
      if (head == null || head.at().isAfter(now)) {
        return null;
      }
      if (!leases.remove(head)) {
        continue; // another dispatcher took it
      }
      Entry entry = entryOfMessage.get(head.id());
      synchronized (entry) {
        if (entry.messageDue.get(head.id()) == head) {
          return head;
        }
      }
    }
  }

  private void addMessages(Entry entry, List<OutboxMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    if (entry.messages == null) {
      entry.messages = new java.util.LinkedHashMap<>(4);
      entry.messageDue = new java.util.HashMap<>(4);
    }
    for (OutboxMessage m : messages) {
      entry.messages.put(m.idempotencyKey(), m);
      entryOfMessage.put(m.idempotencyKey(), entry);
      indexMessage(entry, m);
    }
  }

  private void rejectDuplicateKeys(List<OutboxMessage> messages) {
    for (OutboxMessage m : messages) {
      if (entryOfMessage.containsKey(m.idempotencyKey())) {
        throw new IllegalStateException("an outbox message with idempotency key " + m.idempotencyKey()
            + " already exists");
      }
    }
  }

  private Entry entry(String caseId) {
    Entry entry = cases.get(caseId);
    if (entry == null) {
      throw new CaseNotFoundException(caseId);
    }
    return entry;
  }

  private static Due firstDue(ConcurrentSkipListSet<Due> index, Instant now) {
    try {
      Due first = index.first();
      return first.at().isAfter(now) ? null : first;
    } catch (NoSuchElementException empty) {
      return null;
    }
  }
}
