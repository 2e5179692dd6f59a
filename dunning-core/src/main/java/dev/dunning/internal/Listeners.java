package dev.dunning.internal;

import dev.dunning.RecoveryListener;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.OutboxMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to the host's listeners; one that throws is logged and the others still hear. */
public final class Listeners implements RecoveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<RecoveryListener> listeners;

  public Listeners(List<RecoveryListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Whether nobody listens: the tick then skips preparing notifications at all. */
  public boolean isEmpty() {
    return listeners.isEmpty();
  }

  @Override
  public void onCaseChanged(RecoveryCase before, RecoveryCase after, List<TimelineEvent> events) {
    each(l -> l.onCaseChanged(before, after, events));
  }

  @Override
  public void onMessageSent(OutboxMessage message, String receipt) {
    each(l -> l.onMessageSent(message, receipt));
  }

  @Override
  public void onMessageFailed(OutboxMessage message, String error, boolean permanent) {
    each(l -> l.onMessageFailed(message, error, permanent));
  }

  @Override
  public void onCaseFailed(String caseId, RuntimeException error) {
    each(l -> l.onCaseFailed(caseId, error));
  }

  private void each(java.util.function.Consumer<RecoveryListener> call) {
    for (RecoveryListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("listener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }
}
