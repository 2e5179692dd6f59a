package dev.dunning.testkit;

import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CaseStore} that hands every call to another one: a test overrides the one call it wants
 * to misbehave (a write that fails, a case changed behind the tick's back) and keeps the rest real.
 */
public class ForwardingCaseStore implements CaseStore {
  protected final CaseStore delegate;

  public ForwardingCaseStore(CaseStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public RecoveryCase create(RecoveryCase c, List<TimelineEvent> events, List<OutboxMessage> messages) {
    return delegate.create(c, events, messages);
  }

  @Override
  public Optional<RecoveryCase> find(String caseId) {
    return delegate.find(caseId);
  }

  @Override
  public RecoveryCase update(CaseChange change) {
    return delegate.update(change);
  }

  @Override
  public List<TimelineEvent> timeline(String caseId) {
    return delegate.timeline(caseId);
  }

  @Override
  public List<OutboxMessage> messages(String caseId) {
    return delegate.messages(caseId);
  }

  @Override
  public List<RecoveryCase> query(CaseQuery query) {
    return delegate.query(query);
  }

  @Override
  public int processDue(Instant now, int limit, DueCaseHandler handler) {
    return delegate.processDue(now, limit, handler);
  }

  @Override
  public List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease) {
    return delegate.claimMessages(now, limit, lease);
  }

  @Override
  public boolean completeDelivery(DeliveryOutcome outcome) {
    return delegate.completeDelivery(outcome);
  }
}
