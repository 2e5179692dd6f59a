package dev.dunning.spi;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where cases, their timelines and their outbox live. Every method is atomic: a case's new state,
 * its events and its messages are written together or not at all.
 *
 * <p>Implementations must be safe for concurrent use by several threads and, for shared stores,
 * several processes: {@link #processDue} and {@link #claimMessages} hand each due case and each
 * due message to one caller only. The in-memory implementation is
 * {@code dev.dunning.memory.InMemoryCaseStore}; every implementation should pass
 * {@code dev.dunning.testkit.CaseStoreContract}.
 *
 * @since 0.1
 */
public interface CaseStore {

  /**
   * Stores a new case (its version as given, normally 0) with its first events and messages.
   *
   * @throws DuplicateCaseException if the id is taken; nothing is written
   */
  RecoveryCase create(RecoveryCase recoveryCase, List<TimelineEvent> events, List<OutboxMessage> messages);

  Optional<RecoveryCase> find(String caseId);

  /**
   * Writes a change if the stored version is still {@code change.updated().version()}, and returns
   * the case as stored (version + 1). A change that cancels pending messages also appends its
   * {@link CaseChange#cancellationEvent} naming them, in the same write (also in {@link #processDue}).
   *
   * @throws StaleCaseException if the case changed meanwhile; nothing is written
   * @throws CaseNotFoundException if there is no such case
   */
  RecoveryCase update(CaseChange change);

  /** The case's timeline, oldest first. */
  List<TimelineEvent> timeline(String caseId);

  /** The case's outbox messages, oldest first. */
  List<OutboxMessage> messages(String caseId);

  /** Cases matching {@code query}, ordered by opening time, then id. */
  List<RecoveryCase> query(CaseQuery query);

  /**
   * Claims up to {@code limit} cases whose next action is at or before {@code now}, hands each to
   * {@code handler}, and writes what it returns, so that no other caller gets the same case
   * meanwhile. A case a concurrent client operation changed between claim and write is skipped (its
   * new state has its own next action). An outcome that cannot be written (e.g. a message key
   * already taken) is replaced by {@link DueCaseHandler#onUnreadable}'s failure, and the other cases
   * of the batch are still written. Must cost what is due, not what is open.
   *
   * @return how many cases were claimed (fewer than {@code limit} means none is left due)
   */
  int processDue(Instant now, int limit, DueCaseHandler handler);

  /**
   * Claims up to {@code limit} messages that are PENDING and due, or IN_FLIGHT with an expired lease,
   * marking them IN_FLIGHT under a fresh lease token until {@code now + lease}. Stores with their
   * own clock (a database) may measure the lease on it.
   */
  List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease);

  /**
   * Records the outcome of delivering a claimed message, with its events and follow-up message, if
   * the claim's lease token still holds.
   *
   * @return false if the claim was lost (the lease expired and another caller re-claimed the
   *     message); nothing is written then
   */
  boolean completeDelivery(DeliveryOutcome outcome);
}
