package dev.dunning.intake;

/**
 * Where a demand stands, with a stable persisted code.
 *
 * @since 0.1
 */
public enum DemandStatus {
  /** Valid, waiting for a collection manager. */
  PENDING("pending"),
  /**
   * A manager approved it and its case is being opened under {@link StoredDemand#caseId()}. A demand
   * still here after its approval ended was cut short (a crash, a store failure after the case was
   * opened): approving it again finishes the approval, opening that one case if it is not open yet.
   */
  APPROVING("approving"),
  /** A case was opened for it. */
  APPROVED("approved"),
  /** A manager refused it, with a reason. */
  REJECTED("rejected");

  private final String code;

  DemandStatus(String code) {
    this.code = code;
  }

  /** The stable code stored by demand stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static DemandStatus fromCode(String code) {
    for (DemandStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown demand status code '" + code
        + "', expected pending, approving, approved or rejected");
  }
}
