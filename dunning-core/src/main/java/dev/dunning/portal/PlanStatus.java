package dev.dunning.portal;

/**
 * Where an instalment plan stands, with a stable persisted code.
 *
 * @since 0.1
 */
public enum PlanStatus {
  /** The debtor asked; a manager decides. */
  REQUESTED("requested"),
  /** A manager declined it; escalation went on. */
  DECLINED("declined"),
  /** Agreed and running: the case is on hold while instalments arrive on time. */
  ACTIVE("active"),
  /** Every instalment was paid and the case closed as paid. */
  COMPLETED("completed"),
  /** The plan stopped before completion: an instalment was missed (escalation resumed) or a person ended it. */
  LAPSED("lapsed");

  private final String code;

  PlanStatus(String code) {
    this.code = code;
  }

  /** The stable code stored by plan stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static PlanStatus fromCode(String code) {
    for (PlanStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown plan status code '" + code + "'");
  }
}
