package dev.dunning.playbook;

import dev.dunning.internal.Codes;

/**
 * What a stage's start offset counts from.
 *
 * @since 0.1
 */
public enum Anchor {
  /** Days from the (earliest) due date of the case's claims; may be negative for pre-due reminders. */
  DUE_DATE("due_date"),
  /** Days from the day after the previous stage's deadline (0 = the first day the debtor is late again). */
  PREVIOUS_DEADLINE("previous_deadline");

  private final String code;

  Anchor(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Anchor fromCode(String code) {
    return Codes.find(values(), code, Anchor::code, "anchor");
  }
}
