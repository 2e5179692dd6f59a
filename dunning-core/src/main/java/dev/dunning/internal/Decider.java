package dev.dunning.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.TimelineEvent;
import dev.dunning.model.Transitions;
import dev.dunning.model.Trigger;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.policy.DeadlinePolicy;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.spi.OutboxMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The whole escalation state machine as a pure function of (case, now, policies): no I/O, no clock.
 * The engine's tick, its client operations and {@code preview} all go through it, so what preview
 * shows is what ticking does.
 */
public final class Decider {
  private final Playbooks playbooks;
  private final EscalationPolicy escalation;
  private final DeadlinePolicy deadlines;
  private final ChannelRouter router;
  /**
   * The last deadline (with its text, which every STAGE_ENTERED event names) and next-action time
   * this decider handed out. The cases of one tick mostly get equal ones (same stage, zone and send
   * time), and a store keeps every case: sharing one value instead of one copy per case saves the
   * collector copying them. Unsynchronized on purpose: both types are immutable, so a stale read
   * only costs a missed share.
   */
  private DeadlineText lastDeadline;
  private Instant lastNextAction;

  /** A deadline and its {@code toString()}, made once for all the cases that share it. */
  private record DeadlineText(LocalDate deadline, String text) {}

  public Decider(Playbooks playbooks, EscalationPolicy escalation, DeadlinePolicy deadlines, ChannelRouter router) {
    this.playbooks = playbooks;
    this.escalation = escalation;
    this.deadlines = deadlines;
    this.router = router;
  }

  public Playbooks playbooks() {
    return playbooks;
  }

  /**
   * Decides a due case at {@code now}: resumes an expired hold, then runs at most one stage (or asks
   * for its approval), or only reschedules if nothing is due yet. The next action of the result is
   * always after {@code now}, or none, so a tick never moves a case twice.
   */
  public Step decide(RecoveryCase c, Instant now) {
    List<TimelineEvent> events = List.of();
    RecoveryCase current = c;
    switch (c.status()) {
      case CLOSED, AWAITING_APPROVAL -> {
        return reschedule(c, null, events);
      }
      case ON_HOLD -> {
        if (c.hold().until() == null || now.isBefore(c.hold().until())) {
          return reschedule(c, c.hold().until(), events);
        }
        Transitions.require(c.id(), c.status(), Trigger.RESUME);
        events = List.of(event(c, now, EventType.RESUMED, Actor.SYSTEM, "hold (" + c.hold().reason().code()
            + ") ended at " + c.hold().until()));
        current = c.toBuilder().status(CaseStatus.OPEN).hold(null).build();
      }
      case OPEN -> { }
    }
    Playbook playbook = playbooks.get(current.playbookId());
    Optional<Stage> next = escalation.next(current, playbook, now);
    if (next.isEmpty()) {
      if (c.nextActionAt() != null) {
        events = Events.append(events, event(current, now, EventType.LADDER_COMPLETED, Actor.SYSTEM,
            "no further stage in playbook '" + playbook.id() + "'; waiting for payment or a decision"));
      }
      return reschedule(current, null, events);
    }
    Stage stage = next.get();
    Instant start = escalation.startOf(current, stage, playbook, deadlines);
    if (start.isAfter(now)) {
      return reschedule(current, start, events);
    }
    if (stage.requiresApproval()) {
      Transitions.require(current.id(), current.status(), Trigger.REQUEST_APPROVAL);
      events = Events.append(events, event(current, now, EventType.APPROVAL_REQUESTED, Actor.SYSTEM, stage.id() + " ("
          + stage.kind().code() + ") needs approval"));
      RecoveryCase awaiting = current.toBuilder().status(CaseStatus.AWAITING_APPROVAL).pendingStageId(stage.id())
          .nextActionAt(null).failures(0).build();
      return new Step(awaiting, events, List.of(), null, stage, false);
    }
    Transitions.require(current.id(), current.status(), Trigger.ESCALATE);
    return enter(current, playbook, stage, now, Actor.SYSTEM, events);
  }

  /** A person approved the stage the case awaits: it runs now. */
  public Step approve(RecoveryCase c, Instant now, Actor actor) {
    Transitions.require(c.id(), c.status(), Trigger.APPROVE);
    Playbook playbook = playbooks.get(c.playbookId());
    Stage stage = playbook.stage(c.pendingStageId())
        .orElseThrow(() -> new dev.dunning.playbook.UnknownStageException(playbook.id(), c.pendingStageId()));
    List<TimelineEvent> events = List.of(event(c, now, EventType.APPROVED, actor, stage.id()));
    RecoveryCase open = c.toBuilder().status(CaseStatus.OPEN).pendingStageId(null).build();
    return enter(open, playbook, stage, now, actor, events);
  }

  /** Runs the current stage again with a fresh deadline (e.g. after a rejected proof of payment). */
  public Step reissue(RecoveryCase c, Instant now, Actor actor, List<TimelineEvent> events) {
    Playbook playbook = playbooks.get(c.playbookId());
    if (c.stageId() == null) {
      return reschedule(c, schedule(c, now), events);
    }
    Stage stage = playbook.stage(c.stageId())
        .orElseThrow(() -> new dev.dunning.playbook.UnknownStageException(playbook.id(), c.stageId()));
    return enter(c, playbook, stage, now, actor, events);
  }

  /** When an OPEN case next has something to do: the next stage's start, never before {@code now}; or none. */
  public Instant schedule(RecoveryCase c, Instant now) {
    Playbook playbook = playbooks.get(c.playbookId());
    Optional<Stage> next = escalation.next(c, playbook, now);
    if (next.isEmpty()) {
      return null;
    }
    Instant start = escalation.startOf(c, next.get(), playbook, deadlines);
    return start.isBefore(now) ? now : start;
  }

  private Step enter(RecoveryCase c, Playbook playbook, Stage stage, Instant now, Actor actor,
      List<TimelineEvent> events) {
    boolean reissue = stage.id().equals(c.stageId());
    int attempt = attempt(c, playbook, stage, reissue);
    Money fees = c.fees();
    // a re-issue of the same stage (fresh deadline after a rejected proof) does not charge its fee again
    if (stage.fee().signum() > 0 && !reissue) {
      Money fee = new Money(stage.fee(), c.currency());
      fees = fees.plus(fee);
      events = Events.append(events, event(c, now, EventType.FEE_CHARGED, actor, stage.id(), fee.toString()));
    }
    // one builder for the three states the policies see: staged, with its deadline, with its next action
    RecoveryCase.Builder b = c.toBuilder().stageId(stage.id()).stageAttempt(attempt).fees(fees).failures(0);
    DeadlineText deadlineText = shared(deadlines.deadline(b.build(), stage, now));
    LocalDate deadline = deadlineText.deadline();
    RecoveryCase staged = b.deadline(deadline).build();
    Money balance = staged.balance();

    List<ChannelType> route = router.route(stage, staged.debtor());
    List<OutboxMessage> messages;
    if (route.isEmpty()) {
      messages = List.of();
    } else if (stage.delivery() != Delivery.ALL) {
      messages = List.of(message(staged, stage, attempt, route.get(0), playbooks.fallbacks(route), balance, now));
    } else if (route.size() == 1) {
      messages = List.of(message(staged, stage, attempt, route.get(0), List.of(), balance, now));
    } else {
      OutboxMessage[] all = new OutboxMessage[route.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = message(staged, stage, attempt, route.get(i), List.of(), balance, now);
      }
      messages = List.of(all);
    }
    events = Events.append(events, event(staged, now, EventType.STAGE_ENTERED, actor, stage.id(),
        enteredDetail(stage, attempt, deadlineText.text(), balance, messages)));

    RecoveryCase after;
    if (stage.kind() == StageKind.HANDOVER) {
      Transitions.require(staged.id(), staged.status(), Trigger.HAND_OVER);
      after = b.status(CaseStatus.CLOSED).resolution(Resolution.HANDED_OVER).nextActionAt(null).build();
      events = Events.append(events, event(after, now, EventType.CLOSED, actor, stage.id(), Resolution.HANDED_OVER.code()));
    } else {
      Instant next = schedule(staged, now);
      if (next == null) {
        // nothing follows: look again when the deadline passes, to record that the ladder is done
        next = deadlines.expiry(staged, deadline);
      }
      if (!next.isAfter(now)) {
        // a policy scheduled the next stage at once; one stage per tick is the rule
        next = now.plusMillis(1);
      }
      after = b.nextActionAt(shared(next)).build();
    }
    return new Step(after, events, messages, stage, null, false);
  }

  /**
   * The attempt number of entering {@code stage}, which makes the messages' keys: unique per (case,
   * stage) whatever the escalation policy does, and found from the case alone (deciding does no I/O).
   *
   * <ul>
   *   <li>a re-issue of the current stage: one more than the current attempt;
   *   <li>a move forward in playbook order from a stage at attempt 1 (or from no stage): 1. While
   *       every move is of this kind, no stage can have run before, so this is what every case on
   *       the default policies gets;
   *   <li>any other move (a policy that goes back, or moving on from a re-issued stage): the stage
   *       may have run before, so the attempt is the case version + 1 (at least 2). Every earlier
   *       attempt of any stage was given at a lower version v' and is at most v' + 1, so this is
   *       above all of them; and since it is at least 2, a later forward move from here takes this
   *       branch again rather than restarting at 1.
   * </ul>
   */
  private static int attempt(RecoveryCase c, Playbook playbook, Stage stage, boolean reissue) {
    if (reissue) {
      return c.stageAttempt() + 1;
    }
    if (c.stageAttempt() <= 1) {
      int from = c.stageId() == null ? -1 : playbook.indexOf(c.stageId());
      boolean known = c.stageId() == null || from >= 0;
      if (known && playbook.indexOf(stage.id()) > from) {
        return 1;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.max(2, c.version() + 1));
  }

  /** One event names the stage, its deadline and every message it queued (channel and key). */
  private static String enteredDetail(Stage stage, int attempt, String when, Money balance,
      List<OutboxMessage> messages) {
    if (attempt == 1 && messages.size() == 1) {
      // the usual case as one concatenation: sized exactly, no builder to throw away; the balance is
      // Money.toString() spelled out, as Texts.appendMoney does, since "+ balance" would make that
      // string only to copy it (CoreBenchmark: 1,191 instead of 1,175 bytes per transition)
      OutboxMessage m = messages.get(0);
      return stage.kind().code() + ", deadline " + when + ", balance " + balance.amount().toPlainString() + " "
          + balance.currencyCode() + ", via " + m.channel().code() + " (" + m.idempotencyKey() + ")";
    }
    StringBuilder detail = new StringBuilder(64 + 64 * messages.size()).append(stage.kind().code());
    if (attempt > 1) {
      detail.append(" (attempt ").append(attempt).append(')');
    }
    detail.append(", deadline ").append(when).append(", balance ");
    Texts.appendMoney(detail, balance).append(", via ");
    for (int i = 0; i < messages.size(); i++) {
      OutboxMessage m = messages.get(i);
      detail.append(i == 0 ? "" : ", ").append(m.channel().code()).append(" (").append(m.idempotencyKey()).append(')');
    }
    return detail.toString();
  }

  private DeadlineText shared(LocalDate deadline) {
    DeadlineText last = lastDeadline;
    if (last != null && last.deadline().equals(deadline)) {
      return last;
    }
    DeadlineText fresh = new DeadlineText(deadline, deadline.toString());
    lastDeadline = fresh;
    return fresh;
  }

  private Instant shared(Instant next) {
    Instant last = lastNextAction;
    if (next.equals(last)) {
      return last;
    }
    lastNextAction = next;
    return next;
  }

  private static OutboxMessage message(RecoveryCase c, Stage stage, int attempt, ChannelType channel,
      List<ChannelType> fallbacks, Money balance, Instant now) {
    return OutboxMessage.pending(c.id(), c.tenantId(), stage.id(), stage.kind(), attempt, channel, fallbacks,
        stage.templateKey(), c.deadline(), balance, now);
  }

  private static Step reschedule(RecoveryCase c, Instant at, List<TimelineEvent> events) {
    return new Step(c.toBuilder().nextActionAt(at).failures(0).build(), events, List.of(), null, null, false);
  }

  public static TimelineEvent event(RecoveryCase c, Instant at, EventType type, Actor actor, String detail) {
    return new TimelineEvent(c.id(), at, type, actor, c.stageId(), detail);
  }

  public static TimelineEvent event(RecoveryCase c, Instant at, EventType type, Actor actor, String stageId,
      String detail) {
    return new TimelineEvent(c.id(), at, type, actor, stageId, detail);
  }
}
