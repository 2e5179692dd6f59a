package dev.dunning.playbook;

import dev.dunning.internal.Codes;

/**
 * What a playbook stage is, which decides how the engine treats it (a pre-due reminder is skipped
 * once the invoice is late; a hand-over closes the case) and which default templates apply.
 *
 * @since 0.1
 */
public enum StageKind {
  /** A friendly reminder before the due date; skipped when the case is opened after it. */
  PRE_DUE_REMINDER("pre_due_reminder"),
  /** A reminder on the due date; skipped when the case is opened after it. */
  DUE_REMINDER("due_reminder"),
  /** A reminder after the due date, with a deadline. */
  REMINDER("reminder"),
  /** The formal notice (mise en demeure, ingebrekestelling): a letter, often registered. */
  FORMAL_NOTICE("formal_notice"),
  /** An injunction to pay, filed with a court. */
  INJUNCTION("injunction"),
  /** The file goes to a collection agency, bailiff or lawyer: the case closes as handed over. */
  HANDOVER("handover"),
  /** A person calls the debtor. */
  CALL_TASK("call_task");

  private final String code;

  StageKind(String code) {
    this.code = code;
  }

  /** The code used in playbook JSON and stores. */
  public String code() {
    return code;
  }

  public static StageKind fromCode(String code) {
    return Codes.find(values(), code, StageKind::code, "stage kind");
  }

  /** Whether this kind only makes sense before the invoice is late. */
  public boolean isBeforeLateness() {
    return this == PRE_DUE_REMINDER || this == DUE_REMINDER;
  }
}
