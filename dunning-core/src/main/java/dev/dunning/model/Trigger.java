package dev.dunning.model;

/**
 * What moves a case from one status to another; the rows of {@link Transitions}.
 *
 * @since 0.1
 */
public enum Trigger {
  /** The engine runs the next stage of the playbook. */
  ESCALATE,
  /** The next stage needs approval: the case waits for a person. */
  REQUEST_APPROVAL,
  /** A person approved the stage the case was waiting for; the stage runs. */
  APPROVE,
  /** Escalation pauses (dispute, promise, proof under review, manual). */
  HOLD,
  /** Escalation goes on after a hold. */
  RESUME,
  /** A payment that leaves a balance. */
  PAY_PARTIALLY,
  /** A payment that settles the balance: closes the case as {@link Resolution#PAID}. */
  PAY_IN_FULL,
  /** Closes as {@link Resolution#WRITTEN_OFF}. */
  WRITE_OFF,
  /** Closes as {@link Resolution#CANCELLED}. */
  CANCEL,
  /** Closes as {@link Resolution#HANDED_OVER}. */
  HAND_OVER,
  /** Closes as {@link Resolution#CREDITED}. */
  CREDIT,
  /** A fact for the timeline (a note, a document, a delivery) that changes no status. */
  ANNOTATE
}
