package dev.dunning.model;

/**
 * Thrown when an operation is not legal in the case's current status (paying a closed case,
 * approving a case that awaits nothing). Nothing was changed when this is thrown.
 *
 * @since 0.1
 */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String caseId;
  private final CaseStatus status;
  private final Trigger trigger;

  public IllegalTransitionException(String caseId, CaseStatus status, Trigger trigger) {
    super("case " + caseId + ": " + trigger + " is not allowed when the case is " + status);
    this.caseId = caseId;
    this.status = status;
    this.trigger = trigger;
  }

  public String caseId() {
    return caseId;
  }

  public CaseStatus status() {
    return status;
  }

  public Trigger trigger() {
    return trigger;
  }
}
