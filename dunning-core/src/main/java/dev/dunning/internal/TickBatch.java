package dev.dunning.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.policy.Backoff;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of a tick, as the store hands it over: decides each due case and keeps what the tick
 * reports about it until the store has written the batch. A decision the store then drops (its case
 * changed since it was claimed) or replaces by a failure (its outcome could not be written) is
 * taken back, so the {@code TickReport} and the listeners tell only what was really written.
 */
public final class TickBatch implements DueCaseHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TickBatch.class);

  /** A case this batch advanced: what to count and tell once the batch is written. */
  private record Advanced(RecoveryCase before, Step step) {}

  /** A case this batch recorded as failed. */
  private record Failed(String caseId, RuntimeException error) {}

  private final Decider decider;
  private final Listeners listeners;
  private final Backoff backoff;
  private final Instant now;
  private final List<Advanced> advanced = new ArrayList<>();
  private final List<Failed> failed = new ArrayList<>(0);

  public TickBatch(Decider decider, Listeners listeners, Backoff backoff, Instant now) {
    this.decider = decider;
    this.listeners = listeners;
    this.backoff = backoff;
    this.now = now;
  }

  @Override
  public DueOutcome onDue(RecoveryCase c) {
    try {
      Step step = decider.decide(c, now);
      if (step.advanced(c)) {
        advanced.add(new Advanced(c, step));
      }
      return new CaseChange(step.updated(), step.events(), step.messages(), step.cancelPending());
    } catch (RuntimeException e) {
      return failure(c.id(), c.version(), c.failures(), e);
    }
  }

  @Override
  public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
    forget(caseId); // an outcome (or a failure) that could not be written: this failure stands in for it
    return failure(caseId, version, failures, error);
  }

  @Override
  public void onDropped(String caseId) {
    forget(caseId);
  }

  /** Adds this batch's {advanced, errors, queued} to {@code counts}, then tells the listeners. */
  public void finish(int[] counts) {
    counts[0] += advanced.size();
    counts[1] += failed.size();
    for (Advanced a : advanced) {
      counts[2] += a.step().messages().size();
    }
    if (listeners.isEmpty()) {
      return;
    }
    for (Advanced a : advanced) {
      listeners.onCaseChanged(a.before(), a.step().updated(), a.step().events());
    }
    for (Failed f : failed) {
      listeners.onCaseFailed(f.caseId(), f.error());
    }
  }

  /**
   * Takes back what this batch holds on {@code caseId}: its decision, or a failure already recorded
   * (a failure the store could not write either is replaced, not added to). Rare, so a search from
   * the end will do.
   */
  private void forget(String caseId) {
    for (int i = advanced.size() - 1; i >= 0; i--) {
      if (advanced.get(i).before().id().equals(caseId)) {
        advanced.remove(i);
        break;
      }
    }
    if (!failed.isEmpty()) {
      failed.removeIf(f -> f.caseId().equals(caseId));
    }
  }

  private CaseFailure failure(String caseId, long version, int failures, RuntimeException e) {
    failed.add(new Failed(caseId, e));
    int count = failures + 1;
    Instant retryAt = now.plus(backoff.delayAfter(count));
    LOG.warn("case {} could not be processed (failure {}), retrying at {}", caseId, count, retryAt, e);
    return new CaseFailure(caseId, version, count, retryAt, new TimelineEvent(caseId, now,
        EventType.PROCESSING_FAILED, Actor.SYSTEM, "", e + " (failure " + count + ", retry at " + retryAt + ")"));
  }
}
