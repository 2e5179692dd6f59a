package dev.dunning.portal;

import dev.dunning.RecoveryEngine;
import dev.dunning.Remark;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.EventType;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.Resolution;
import dev.dunning.portal.internal.PortalRules;
import dev.dunning.spi.CaseNotFoundException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a collection manager decides on what the debtor sent through the portal: a proof of payment,
 * a dispute, a request for instalments. Each decision checks the case awaits it before writing,
 * goes on the timeline with the manager's name, and is passed to the {@link DebtorNotifier}.
 *
 * @since 0.1
 */
public final class ManagerReview {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerReview.class);

  private final RecoveryEngine engine;
  private final PaymentPlans plans;
  private final DebtorNotifier notifier;

  /** Decisions on {@code engine}'s cases; connects {@code plans} to it. */
  public ManagerReview(RecoveryEngine engine, PaymentPlans plans, DebtorNotifier notifier) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    plans.bind(engine);
  }

  /**
   * The proof is good: the balance is recorded as paid and the case closes as PAID. Possible while
   * the proof is under review, and on any other hold (a dispute, a plan request…) during which the
   * debtor sent a proof not yet decided on: being paid ends whatever else was pending.
   */
  public RecoveryCase acceptProof(String caseId, String note, Actor manager) {
    RecoveryCase c = awaitingProof(caseId, manager);
    RecoveryCase closed = engine.recordPayment(caseId, c.balance(), "proof of payment accepted", manager,
        Remark.of(EventType.PROOF_ACCEPTED, blankToEmpty(note)));
    tell(n -> n.onProofAccepted(closed));
    return closed;
  }

  /**
   * The proof is not good enough: the reason goes on the timeline and to the debtor. If the proof
   * held the case, the current stage is sent again with a fresh deadline; if another hold was
   * pending (a dispute, a plan request…), that hold stays and waits for its own decision.
   */
  public RecoveryCase rejectProof(String caseId, String reason, Actor manager) {
    String why = required("reason", reason);
    RecoveryCase c = awaitingProof(caseId, manager);
    Remark rejected = Remark.of(EventType.PROOF_REJECTED, why);
    RecoveryCase after = PaymentPlans.isHeld(c, HoldReason.PROOF_UNDER_REVIEW)
        ? engine.resumeWithFreshDeadline(caseId, "proof of payment rejected: " + why, manager, rejected)
        : engine.annotate(caseId, rejected.type(), rejected.detail(), manager);
    tell(n -> n.onProofRejected(after, why));
    return after;
  }

  /**
   * Decides a dispute: upheld, the case closes (CANCELLED or CREDITED); rejected, escalation
   * resumes where it was. {@code note} says why and is required: it is the evidence of the decision.
   */
  public RecoveryCase resolveDispute(String caseId, DisputeOutcome outcome, String note, Actor manager) {
    Objects.requireNonNull(outcome, "outcome");
    String why = required("note", note);
    awaiting(caseId, HoldReason.DISPUTE, manager);
    Remark resolved = Remark.of(EventType.DISPUTE_RESOLVED, outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + why);
    RecoveryCase after = switch (outcome) {
      case UPHELD_CANCEL -> engine.close(caseId, Resolution.CANCELLED, "dispute upheld: " + why, manager, resolved);
      case UPHELD_CREDIT -> engine.close(caseId, Resolution.CREDITED, "dispute upheld: " + why, manager, resolved);
      case REJECTED -> engine.resume(caseId, "dispute rejected: " + why, manager, resolved);
    };
    tell(n -> n.onDisputeResolved(after, outcome, why));
    return after;
  }

  /** Agrees to the requested instalment plan as asked (recomputed on today's balance). */
  public RecoveryCase approvePlan(String caseId, String note, Actor manager) {
    return approvePlan(caseId, null, note, manager);
  }

  /**
   * Agrees to the requested instalment plan with the first instalment on {@code firstDate} (e.g.
   * because the requested one has passed); the case is held until that date plus grace.
   */
  public RecoveryCase approvePlan(String caseId, LocalDate firstDate, String note, Actor manager) {
    RecoveryCase c = awaiting(caseId, HoldReason.PAYMENT_PLAN_REQUESTED, manager);
    RecoveryCase held = plans.approve(c, firstDate, note, manager);
    PaymentPlan plan = plans.find(caseId).orElseThrow();
    tell(n -> n.onPlanDecided(held, plan));
    return held;
  }

  /**
   * Refuses the requested instalment plan; escalation resumes where it was. Works even when the
   * request itself is missing from the plan store (a store in memory loses it on restart), so such a
   * case never stays held for a decision nobody can take; the debtor is then not told.
   */
  public RecoveryCase declinePlan(String caseId, String reason, Actor manager) {
    String why = required("reason", reason);
    RecoveryCase c = awaiting(caseId, HoldReason.PAYMENT_PLAN_REQUESTED, manager);
    PaymentPlans.Declined declined = plans.decline(c, why, manager);
    declined.plan().ifPresentOrElse(
        plan -> tell(n -> n.onPlanDecided(declined.resumed(), plan)),
        () -> LOG.warn("case {}: declined an instalment request missing from the plan store; the debtor is not told",
            caseId));
    return declined.resumed();
  }

  /**
   * Ends whatever hold the case is on and resumes escalation where it was: the way out of any pause,
   * e.g. one whose request was lost. A pending instalment request is declined ({@link #declinePlan});
   * a running plan lapses; a proof or dispute not decided on stays on the timeline as it is.
   */
  public RecoveryCase resume(String caseId, String reason, Actor manager) {
    String why = required("reason", reason);
    Objects.requireNonNull(manager, "manager");
    RecoveryCase c = engine.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    if (c.status() != CaseStatus.ON_HOLD) {
      throw new IllegalStateException("case " + caseId + " is not on hold (status " + c.status().code() + ")");
    }
    if (PaymentPlans.isHeld(c, HoldReason.PAYMENT_PLAN_REQUESTED)) {
      return declinePlan(caseId, why, manager);
    }
    return engine.resume(caseId, "resumed by a manager: " + why, manager);
  }

  /**
   * Whether a proof of payment of the case awaits a decision ({@link #acceptProof} or
   * {@link #rejectProof}): the case is under review, or on another hold during which the debtor sent
   * a proof nobody decided on yet.
   */
  public boolean proofAwaitingDecision(String caseId) {
    return awaitsProof(engine.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId)));
  }

  private boolean awaitsProof(RecoveryCase c) {
    return PaymentPlans.isHeld(c, HoldReason.PROOF_UNDER_REVIEW)
        || (c.status() == CaseStatus.ON_HOLD && PortalRules.hasUnreviewedProof(engine.timeline(c.id())));
  }

  private RecoveryCase awaitingProof(String caseId, Actor manager) {
    Objects.requireNonNull(manager, "manager");
    RecoveryCase c = engine.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    if (!awaitsProof(c)) {
      throw PaymentPlans.notAwaiting(c, HoldReason.PROOF_UNDER_REVIEW);
    }
    return c;
  }

  private RecoveryCase awaiting(String caseId, HoldReason reason, Actor manager) {
    Objects.requireNonNull(manager, "manager");
    RecoveryCase c = engine.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    if (!PaymentPlans.isHeld(c, reason)) {
      throw PaymentPlans.notAwaiting(c, reason);
    }
    return c;
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": say why; it goes on the timeline and to the debtor");
    }
    return value.strip();
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  private void tell(Consumer<DebtorNotifier> call) {
    try {
      call.accept(notifier);
    } catch (RuntimeException e) {
      LOG.warn("debtor notifier {} threw; ignored", notifier.getClass().getName(), e);
    }
  }
}
