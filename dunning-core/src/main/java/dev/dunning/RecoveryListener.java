package dev.dunning;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.OutboxMessage;
import java.util.List;

/**
 * Hears what the engine did, after it has been stored. Runs on the thread that caused it (a tick
 * or a client operation), so it must be quick and must not do slow I/O; an exception it throws is
 * logged and ignored.
 *
 * @since 0.1
 */
public interface RecoveryListener {

  /**
   * Called once by {@link RecoveryEngineBuilder#build()} with the engine this listener was
   * registered with, for listeners that act on the engine themselves (e.g. extending a hold when a
   * payment arrives). An exception here fails the build.
   */
  default void attached(RecoveryEngine engine) {}

  /** A case was opened or changed; {@code before} is {@code null} for a new case. */
  default void onCaseChanged(RecoveryCase before, RecoveryCase after, List<TimelineEvent> events) {}

  /** A message was delivered. */
  default void onMessageSent(OutboxMessage message, String receipt) {}

  /** A message failed; {@code permanent} if it will not be retried. */
  default void onMessageFailed(OutboxMessage message, String error, boolean permanent) {}

  /** Processing a due case failed; it will be retried with backoff. */
  default void onCaseFailed(String caseId, RuntimeException error) {}
}
