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
import java.util.Objects;
import java.util.Optional;
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
  private final ConcurrentHashMap<String, CaseEntry> cases = new ConcurrentHashMap<>();
  private final MessageKeys keys = new MessageKeys(cases::get);
  private final DueIndex dueCases = new DueIndex();
  /** PENDING messages by next attempt and IN_FLIGHT ones by lease expiry: both are claimable then. */
  private final DueIndex dueMessages = new DueIndex();
  private final AtomicLong leases = new AtomicLong();
  /** Lease tokens only have to be unique in this store, not unguessable: a short per-store prefix and a sequence. */
  private final String leasePrefix = Long.toString(UUID.randomUUID().getMostSignificantBits() >>> 28, 36) + "-";

  @Override
  public RecoveryCase create(RecoveryCase recoveryCase, List<TimelineEvent> events, List<OutboxMessage> messages) {
    CaseEntry entry = new CaseEntry(recoveryCase);
    synchronized (entry) {
      int held = keys.reserve(entry, messages);
      try {
        // published before the key lock is released, so a foreign key naming this case sees its messages
        if (cases.putIfAbsent(recoveryCase.id(), entry) != null) {
          keys.forget(entry, messages, held);
          throw new DuplicateCaseException(recoveryCase.id());
        }
        addMessages(entry, messages);
      } finally {
        keys.unlock(entry, held);
      }
      entry.append(events);
      index(entry);
    }
    return recoveryCase;
  }

  @Override
  public Optional<RecoveryCase> find(String caseId) {
    CaseEntry entry = cases.get(caseId);
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      return Optional.of(entry.current);
    }
  }

  @Override
  public RecoveryCase update(CaseChange change) {
    CaseEntry entry = entry(change.caseId());
    synchronized (entry) {
      return apply(entry, change);
    }
  }

  @Override
  public List<TimelineEvent> timeline(String caseId) {
    CaseEntry entry = entry(caseId);
    synchronized (entry) {
      return entry.timeline();
    }
  }

  @Override
  public List<OutboxMessage> messages(String caseId) {
    CaseEntry entry = entry(caseId);
    synchronized (entry) {
      return entry.messages();
    }
  }

  @Override
  public List<RecoveryCase> query(CaseQuery query) {
    List<RecoveryCase> matches = new ArrayList<>();
    for (CaseEntry entry : cases.values()) {
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
      CaseEntry entry = (CaseEntry) dueCases.poll(now);
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
            try {
              apply(entry, change);
            } catch (RuntimeException e) {
              // e.g. a message key already taken: apply wrote nothing, so record it as this case's
              // failure (retried with backoff) and go on with the batch, as a database store does
              fail(entry, handler.onUnreadable(c.id(), c.version(), c.failures(), new IllegalStateException(
                  "the outcome of case " + c.id() + " cannot be written: " + e.getMessage(), e)));
            }
          } else {
            fail(entry, (CaseFailure) outcome); // DueOutcome is sealed: the only other kind
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

  private void fail(CaseEntry entry, CaseFailure failure) {
    RecoveryCase c = entry.current;
    RecoveryCase rescheduled = c.toBuilder().failures(failure.failures())
        .nextActionAt(failure.retryAt()).version(c.version() + 1).build();
    entry.append(failure.event());
    replace(entry, rescheduled);
  }

  @Override
  public List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease) {
    List<OutboxMessage> claimed = new ArrayList<>(Math.min(limit, 64));
    Instant leaseUntil = now.plus(lease);
    while (claimed.size() < limit) {
      CaseEntry.Slot slot = (CaseEntry.Slot) dueMessages.poll(now);
      if (slot == null) {
        break;
      }
      synchronized (slot.entry) {
        if (!slot.isClaimed()) {
          continue; // completed or cancelled after the claim
        }
        OutboxMessage mine = slot.message.claimed(leasePrefix + leases.incrementAndGet(), leaseUntil);
        slot.message = mine;
        indexMessage(slot); // IN_FLIGHT: claimable again once the lease expires
        claimed.add(mine);
      }
    }
    return claimed;
  }

  @Override
  public boolean completeDelivery(DeliveryOutcome outcome) {
    OutboxMessage claimedMessage = outcome.message();
    CaseEntry entry = entry(claimedMessage.caseId());
    synchronized (entry) {
      CaseEntry.Slot slot = entry.slot(claimedMessage.idempotencyKey());
      OutboxMessage current = slot == null ? null : slot.message;
      if (current == null || current.status() != OutboxStatus.IN_FLIGHT
          || !Objects.equals(current.leaseToken(), claimedMessage.leaseToken())) {
        return false;
      }
      List<OutboxMessage> followUp = outcome.followUp() == null ? List.of() : List.of(outcome.followUp());
      int held = keys.reserve(entry, followUp);
      try {
        slot.message = current.with(outcome);
        indexMessage(slot);
        addMessages(entry, followUp);
      } finally {
        keys.unlock(entry, held);
      }
      entry.append(outcome.events());
      return true;
    }
  }

  /** How many cases are stored. */
  public int size() {
    return cases.size();
  }

  private RecoveryCase apply(CaseEntry entry, CaseChange change) {
    RecoveryCase stored = entry.current;
    if (stored.version() != change.updated().version()) {
      throw new StaleCaseException(stored.id(), change.updated().version());
    }
    RecoveryCase written = change.updated().withVersion(stored.version() + 1);
    List<String> cancelled = List.of();
    int held = keys.reserve(entry, change.messages());
    try {
      if (change.cancelPendingMessages()) {
        for (int i = 0; i < entry.slotCount(); i++) {
          CaseEntry.Slot slot = entry.slot(i);
          if (slot.message.status() == OutboxStatus.PENDING) {
            slot.message = slot.message.cancelled();
            indexMessage(slot);
            if (cancelled.isEmpty()) {
              cancelled = new ArrayList<>(2);
            }
            cancelled.add(slot.key);
          }
        }
      }
      addMessages(entry, change.messages());
    } finally {
      keys.unlock(entry, held);
    }
    entry.append(change.events());
    if (!cancelled.isEmpty()) {
      change.cancellationEvent(cancelled).ifPresent(entry::append);
    }
    replace(entry, written);
    return written;
  }

  private void replace(CaseEntry entry, RecoveryCase written) {
    entry.current = written;
    index(entry);
  }

  /** Puts the case in the due index at its next action time, or takes it out. */
  private void index(CaseEntry entry) {
    RecoveryCase c = entry.current;
    dueCases.put(entry, c.isClosed() ? null : c.nextActionAt());
  }

  /** Indexes a message while it is PENDING (at its next attempt) or IN_FLIGHT (at its lease's end), else takes it out. */
  private void indexMessage(CaseEntry.Slot slot) {
    OutboxMessage m = slot.message;
    boolean claimable = m.status() == OutboxStatus.PENDING || m.status() == OutboxStatus.IN_FLIGHT;
    dueMessages.put(slot, claimable ? m.nextAttemptAt() : null);
  }

  /** Adds messages whose keys {@link MessageKeys#reserve} accepted, under its lock. */
  private void addMessages(CaseEntry entry, List<OutboxMessage> messages) {
    for (int i = 0; i < messages.size(); i++) {
      indexMessage(entry.add(messages.get(i)));
    }
  }

  private CaseEntry entry(String caseId) {
    CaseEntry entry = cases.get(caseId);
    if (entry == null) {
      throw new CaseNotFoundException(caseId);
    }
    return entry;
  }
}
