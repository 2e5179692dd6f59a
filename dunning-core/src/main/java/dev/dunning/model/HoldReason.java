package dev.dunning.model;

import dev.dunning.internal.Codes;

/**
 * Why escalation of a case is paused.
 *
 * @since 0.1
 */
public enum HoldReason {
  /** The debtor disputes the claim; a manager decides. */
  DISPUTE("dispute"),
  /** The debtor promised to pay by a date; escalation resumes after it if still unpaid. */
  PROMISE_TO_PAY("promise_to_pay"),
  /** The debtor uploaded a proof of payment; a manager reviews it. */
  PROOF_UNDER_REVIEW("proof_under_review"),
  /** The debtor asked for an instalment plan; a manager decides. */
  PAYMENT_PLAN_REQUESTED("payment_plan_requested"),
  /** An agreed instalment plan is running; a missed instalment resumes escalation. */
  PAYMENT_PLAN("payment_plan"),
  /** A person paused the case by hand. */
  MANUAL("manual");

  private final String code;

  HoldReason(String code) {
    this.code = code;
  }

  /** The stable code stored by case stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static HoldReason fromCode(String code) {
    return Codes.find(values(), code, HoldReason::code, "hold reason");
  }
}
