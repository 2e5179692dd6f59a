package dev.dunning.portal;

import dev.dunning.RecoveryEngine;
import dev.dunning.Remark;
import dev.dunning.RecoveryListener;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.model.TimelineEvent;
import dev.dunning.portal.internal.Instalments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs instalment plans. An approved plan puts its case on hold ({@link HoldReason#PAYMENT_PLAN})
 * until the first instalment's date plus a grace period; as a {@link RecoveryListener} it hears
 * every recorded payment and, once the payments cover an instalment, moves the hold's end to the
 * next instalment's date plus grace. A missed instalment needs no code at all: the hold simply
 * ends and the engine resumes escalation at its next tick.
 *
 * <p>Register it with the engine ({@code builder().listener(plans)}), which attaches it to the engine it
 * builds, and hand it to {@link PortalService} and {@link ManagerReview} (built on the same engine).
 *
 * @since 0.1
 */
public final class PaymentPlans implements RecoveryListener {
  /** Days after an instalment's date before escalation resumes, by default. */
  public static final int DEFAULT_GRACE_DAYS = 3;

  private final PaymentPlanStore store;
  private final int graceDays;
  private volatile RecoveryEngine engine;

  /** Plans kept in {@code store}, with the default grace of {@value #DEFAULT_GRACE_DAYS} days. */
  public PaymentPlans(PaymentPlanStore store) {
    this(store, DEFAULT_GRACE_DAYS);
  }

  /** Plans kept in {@code store}, with {@code graceDays} (0..31) after each instalment date. */
  public PaymentPlans(PaymentPlanStore store, int graceDays) {
    this.store = Objects.requireNonNull(store, "store");
    if (graceDays < 0 || graceDays > 31) {
      throw new IllegalArgumentException("graceDays must be between 0 and 31, was " + graceDays);
    }
    this.graceDays = graceDays;
  }

  /** The latest plan of a case. */
  public Optional<PaymentPlan> find(String caseId) {
    return store.find(caseId);
  }

  /** The engine that built with these plans as a listener: the one whose cases they hold and extend. */
  @Override
  public void attached(RecoveryEngine engine) {
    bind(engine);
  }

  /** The engine whose cases these plans belong to; set once, and every service must use the same one. */
  void bind(RecoveryEngine engine) {
    Objects.requireNonNull(engine, "engine");
    synchronized (this) {
      if (this.engine != null && this.engine != engine) {
        throw new IllegalStateException("these PaymentPlans already serve another RecoveryEngine");
      }
      this.engine = engine;
    }
  }

  /**
   * The debtor asks for {@code schedule}; the case waits for a manager. The plan is saved before the
   * hold and removed again if the hold cannot be written: a hold without its plan would wait for a
   * decision nobody could take, while a plan without its hold is simply replaced by the next request.
   */
  PaymentPlan request(RecoveryCase c, List<Instalment> schedule, String note, Actor actor) {
    RecoveryEngine e = engine();
    PaymentPlan plan = new PaymentPlan(c.id(), PlanStatus.REQUESTED, schedule, c.paid(), e.clock().instant(), null,
        null, note);
    Optional<PaymentPlan> earlier = store.find(c.id());
    store.save(plan);
    try {
      e.hold(c.id(), HoldReason.PAYMENT_PLAN_REQUESTED, null, "instalment plan requested", actor,
          Remark.of(EventType.PAYMENT_PLAN_REQUESTED, describe(schedule) + (note.isBlank() ? "" : "; note: " + note)));
    } catch (RuntimeException failed) {
      try {
        earlier.ifPresentOrElse(store::save, () -> store.delete(c.id()));
      } catch (RuntimeException alsoFailed) {
        failed.addSuppressed(alsoFailed);
      }
      throw failed;
    }
    return plan;
  }

  /**
   * Agrees to the requested plan, recomputed on today's balance, from {@code firstDate} (or the
   * requested first date if {@code null}).
   */
  RecoveryCase approve(RecoveryCase c, LocalDate firstDate, String note, Actor manager) {
    RecoveryEngine e = engine();
    PaymentPlan requested = requireRequested(c);
    LocalDate first = firstDate != null ? firstDate : requested.instalments().get(0).dueDate();
    LocalDate today = LocalDate.now(e.clock().withZone(c.debtor().timeZone()));
    if (first.isBefore(today)) {
      throw new IllegalArgumentException("firstDate: the first instalment date " + first
          + " has passed; approve with a new first date");
    }
    List<Instalment> schedule = Instalments.split(c.balance(), requested.instalments().size(), first);
    Instant now = e.clock().instant();
    RecoveryCase held = e.hold(c.id(), HoldReason.PAYMENT_PLAN, holdEnd(first, c.debtor().timeZone()),
        "instalment 1 of " + schedule.size() + " due " + first, manager, Remark.of(EventType.PAYMENT_PLAN_DECIDED,
            "approved: " + describe(schedule) + (note == null || note.isBlank() ? "" : "; " + note)));
    store.save(requested.decided(PlanStatus.ACTIVE, schedule, held.paid(), now, manager, note));
    return held;
  }

  /**
   * A declined request: the resumed case, and the plan as declined, empty when the plan store had
   * no request for the case.
   */
  record Declined(RecoveryCase resumed, Optional<PaymentPlan> plan) {}

  /**
   * Refuses the requested plan of a case held for it (the caller checked); escalation resumes. The
   * hold is released even if the plan store has no request for the case (lost, or never saved): the
   * timeline says so.
   */
  Declined decline(RecoveryCase c, String reason, Actor manager) {
    RecoveryEngine e = engine();
    Optional<PaymentPlan> requested = store.find(c.id()).filter(p -> p.status() == PlanStatus.REQUESTED);
    RecoveryCase resumed = e.resume(c.id(), "instalment plan declined", manager, Remark.of(
        EventType.PAYMENT_PLAN_DECIDED, "declined: " + reason + (requested.isPresent() ? ""
            : " (the request was not found in the plan store)")));
    Optional<PaymentPlan> declined = requested.map(plan -> plan.decided(PlanStatus.DECLINED, plan.instalments(),
        plan.paidBefore(), e.clock().instant(), manager, reason));
    declined.ifPresent(store::save);
    return new Declined(resumed, declined);
  }

  /** Escalation resumes at the start of the day after {@code date} + grace, in the debtor's zone. */
  Instant holdEnd(LocalDate date, ZoneId zone) {
    return date.plusDays(graceDays + 1L).atStartOfDay(zone).toInstant();
  }

  @Override
  public void onCaseChanged(RecoveryCase before, RecoveryCase after, List<TimelineEvent> events) {
    // only changes into, within or out of a running plan matter; this spares a plan lookup on every other change
    if (before == null || (!onPlan(before) && !onPlan(after))) {
      return;
    }
    Optional<PaymentPlan> found = store.find(after.id());
    if (found.isEmpty() || found.get().status() != PlanStatus.ACTIVE) {
      return;
    }
    PaymentPlan plan = found.get();
    if (onPlan(before) && !onPlan(after)) {
      boolean paid = after.isClosed() && after.resolution() == Resolution.PAID;
      store.save(plan.withStatus(paid ? PlanStatus.COMPLETED : PlanStatus.LAPSED));
    } else if (onPlan(after) && after.paid().isGreaterThan(before.paid())) {
      extend(after.id(), plan);
    }
  }

  /** Moves the hold's end to the first instalment not yet paid for, reading the case afresh (payments may race). */
  private void extend(String caseId, PaymentPlan plan) {
    RecoveryEngine e = engine();
    RecoveryCase c = e.find(caseId).orElse(null);
    if (c == null || !onPlan(c)) {
      return;
    }
    Money paidSince = c.paid().minus(plan.paidBefore());
    Optional<Instalment> next = plan.nextDue(paidSince);
    if (next.isEmpty()) {
      return; // everything paid: the payment that did it closed the case, or a person will
    }
    Instant until = holdEnd(next.get().dueDate(), c.debtor().timeZone());
    if (c.hold().until() != null && !until.isAfter(c.hold().until())) {
      return;
    }
    e.hold(caseId, HoldReason.PAYMENT_PLAN, until, "instalments 1-" + plan.coveredBy(paidSince) + " of "
        + plan.instalments().size() + " paid; instalment " + next.get().number() + " due " + next.get().dueDate(),
        Actor.SYSTEM);
  }

  private PaymentPlan requireRequested(RecoveryCase c) {
    if (!isHeld(c, HoldReason.PAYMENT_PLAN_REQUESTED)) {
      throw notAwaiting(c, HoldReason.PAYMENT_PLAN_REQUESTED);
    }
    PaymentPlan plan = store.find(c.id()).filter(p -> p.status() == PlanStatus.REQUESTED).orElseThrow(
        () -> new IllegalStateException("case " + c.id() + " waits for a decision on instalments, but the plan store "
            + "has no request for it (lost?): decline it, or resume escalation"));
    return plan;
  }

  /** The error for a decision on {@code reason} asked of a case that does not await it. */
  static IllegalStateException notAwaiting(RecoveryCase c, HoldReason reason) {
    return new IllegalStateException("case " + c.id() + " is not awaiting a decision on " + reason.code()
        + " (status " + c.status().code() + (c.hold() == null ? "" : ", " + c.hold().reason().code()) + ")");
  }

  private RecoveryEngine engine() {
    RecoveryEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("PaymentPlans is not connected to an engine: register it with "
          + "RecoveryEngine.builder().listener(plans)");
    }
    return e;
  }

  static boolean isHeld(RecoveryCase c, HoldReason reason) {
    return c.status() == CaseStatus.ON_HOLD && c.hold().reason() == reason;
  }

  private static boolean onPlan(RecoveryCase c) {
    return isHeld(c, HoldReason.PAYMENT_PLAN);
  }

  static String describe(List<Instalment> schedule) {
    return schedule.size() + " monthly instalments from " + schedule.get(0).dueDate() + ": "
        + schedule.stream().map(i -> i.amount().toString()).collect(Collectors.joining(", "));
  }

}
