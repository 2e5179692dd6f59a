package dev.dunning.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.Hold;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.TimelineEvent;
import dev.dunning.model.Transitions;
import dev.dunning.model.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The client operations (payments, holds, closing, notes) as pure functions from a case to a
 * {@link Step}. Each checks the transition table first, so an illegal operation throws before
 * anything is built, let alone written.
 */
public final class Operations {
  private final Decider decider;

  public Operations(Decider decider) {
    this.decider = decider;
  }

  public Step pay(RecoveryCase c, Money amount, String reference, Instant now, Actor actor) {
    Objects.requireNonNull(amount, "amount");
    if (!amount.currency().equals(c.currency())) {
      throw new IllegalArgumentException("payment currency " + amount.currencyCode() + " does not match case "
          + c.id() + " in " + c.currency().getCurrencyCode());
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("payment amount must be > 0, was " + amount);
    }
    boolean settles = !amount.isLessThan(c.balance());
    Trigger trigger = settles ? Trigger.PAY_IN_FULL : Trigger.PAY_PARTIALLY;
    CaseStatus target = Transitions.require(c.id(), c.status(), trigger);
    List<TimelineEvent> events = new ArrayList<>();
    Money paid = c.paid().plus(amount);
    RecoveryCase.Builder b = c.toBuilder().paid(paid);
    Money left = c.balance().minus(amount);
    // an overpayment still closes the case; the excess is named so someone refunds or allocates it
    String balance = left.isNegative() ? ", balance " + Money.zero(c.currency()) + ", overpaid by " + left.negate()
        : ", balance " + left;
    events.add(Decider.event(c, now, EventType.PAYMENT_RECORDED, actor, amount + (reference == null || reference.isBlank()
        ? "" : ", reference " + reference) + balance));
    if (!settles) {
      return new Step(b.build(), events, List.of(), null, null, false);
    }
    return close(b.status(target), c, Resolution.PAID, "paid in full", now, actor, events);
  }

  /** Pauses the case; a hold with an end is refused unless it ends after {@code now}. */
  public Step hold(RecoveryCase c, Hold hold, Instant now, Actor actor) {
    if (hold.until() != null && !hold.until().isAfter(now)) {
      throw new IllegalArgumentException("until must be in the future, was " + hold.until() + " (now " + now + ")");
    }
    CaseStatus target = Transitions.require(c.id(), c.status(), Trigger.HOLD);
    List<TimelineEvent> events = new ArrayList<>();
    events.add(Decider.event(c, now, EventType.HELD, actor, hold.reason().code()
        + (hold.until() == null ? ", until a decision" : ", until " + hold.until())
        + (hold.note().isBlank() ? "" : ": " + hold.note())));
    // an approval request is withdrawn by a hold; the stage asks again once the case resumes
    RecoveryCase held = c.toBuilder().status(target).hold(hold).pendingStageId(null).nextActionAt(hold.until()).build();
    return new Step(held, events, List.of(), null, null, false);
  }

  public Step resume(RecoveryCase c, Instant now, Actor actor, String note, boolean freshDeadline) {
    CaseStatus target = Transitions.require(c.id(), c.status(), Trigger.RESUME);
    List<TimelineEvent> events = new ArrayList<>();
    events.add(Decider.event(c, now, EventType.RESUMED, actor, (note == null || note.isBlank() ? "" : note + "; ")
        + (freshDeadline ? "stage re-issued with a fresh deadline" : "escalation continues")));
    RecoveryCase open = c.toBuilder().status(target).hold(null).build();
    if (freshDeadline) {
      return decider.reissue(open, now, actor, events);
    }
    open = open.toBuilder().nextActionAt(decider.schedule(open, now)).build();
    return new Step(open, events, List.of(), null, null, false);
  }

  public Step close(RecoveryCase c, Resolution resolution, String note, Instant now, Actor actor) {
    Trigger trigger = switch (resolution) {
      case PAID -> throw new IllegalArgumentException("record a payment to close a case as paid");
      case WRITTEN_OFF -> Trigger.WRITE_OFF;
      case CANCELLED -> Trigger.CANCEL;
      case HANDED_OVER -> Trigger.HAND_OVER;
      case CREDITED -> Trigger.CREDIT;
    };
    CaseStatus target = Transitions.require(c.id(), c.status(), trigger);
    return close(c.toBuilder().status(target), c, resolution, note, now, actor, new ArrayList<>());
  }

  public Step annotate(RecoveryCase c, EventType type, String detail, Instant now, Actor actor) {
    Transitions.require(c.id(), c.status(), Trigger.ANNOTATE);
    List<TimelineEvent> events = List.of(Decider.event(c, now, type, actor, detail));
    return new Step(c, events, List.of(), null, null, false);
  }

  private static Step close(RecoveryCase.Builder b, RecoveryCase before, Resolution resolution, String note,
      Instant now, Actor actor, List<TimelineEvent> events) {
    RecoveryCase closed = b.resolution(resolution).hold(null).pendingStageId(null).nextActionAt(null).build();
    events.add(Decider.event(before, now, EventType.CLOSED, actor, resolution.code()
        + (note == null || note.isBlank() ? "" : ": " + note)));
    return new Step(closed, events, List.of(), null, null, true);
  }
}
