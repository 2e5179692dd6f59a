package dev.dunning.model;

import dev.dunning.internal.Codes;

/**
 * Where a recovery case stands. The legal moves between statuses are listed in {@link Transitions}.
 *
 * @since 0.1
 */
public enum CaseStatus {
  /** Escalating: the engine acts at the case's next action time. */
  OPEN("open"),
  /** Paused for a reason (dispute, promise to pay, proof under review, …), until a date or a decision. */
  ON_HOLD("on_hold"),
  /** The next stage needs a person's approval (e.g. an injunction) before it runs. */
  AWAITING_APPROVAL("awaiting_approval"),
  /** Finished, with a {@link Resolution}. Nothing can change a closed case. */
  CLOSED("closed");

  private final String code;

  CaseStatus(String code) {
    this.code = code;
  }

  /** The stable code stored by case stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static CaseStatus fromCode(String code) {
    return Codes.find(values(), code, CaseStatus::code, "case status");
  }
}
