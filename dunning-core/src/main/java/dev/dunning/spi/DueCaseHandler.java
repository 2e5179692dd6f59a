package dev.dunning.spi;

import dev.dunning.model.RecoveryCase;

/**
 * The engine's side of {@link CaseStore#processDue}: the store hands it each claimed case and
 * writes what it returns. Both methods are pure (no I/O) and never throw.
 *
 * @since 0.1
 */
public interface DueCaseHandler {

  /** The change to write for a due case. Its next action is always later than now, or none. */
  DueOutcome onDue(RecoveryCase recoveryCase);

  /**
   * A due case whose stored row could not be read, or whose outcome could not be written (e.g. a
   * message key already taken): what to record and when to retry. The store writes it instead,
   * and goes on with the other cases.
   */
  CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error);

  /**
   * The outcome returned for {@code caseId} was not written, because the case changed since it was
   * claimed (another instance or a client wrote it first); nothing was written for it, and it is
   * decided again when next due. Stores that can drop an outcome call this so the engine reports
   * only what was written. The default does nothing.
   *
   * @since 0.1
   */
  default void onDropped(String caseId) {}
}
