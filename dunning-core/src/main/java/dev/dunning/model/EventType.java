package dev.dunning.model;

import dev.dunning.internal.Codes;

/**
 * What a timeline event records, with a stable persisted code.
 *
 * @since 0.1
 */
public enum EventType {
  OPENED("opened"),
  /** A playbook stage ran: its messages were queued (named in the detail) and its deadline set. */
  STAGE_ENTERED("stage_entered"),
  APPROVAL_REQUESTED("approval_requested"),
  APPROVED("approved"),
  FEE_CHARGED("fee_charged"),
  /** A message queued outside a stage's own run (e.g. on the next channel after a failure). */
  MESSAGE_QUEUED("message_queued"),
  MESSAGE_SENT("message_sent"),
  /** A delivery attempt failed and will be retried. */
  MESSAGE_RETRY("message_retry"),
  /** A message failed for good (permanent rejection or too many attempts). */
  MESSAGE_FAILED("message_failed"),
  /**
   * Queued messages were cancelled before delivery (the case closed, or moved on to another stage);
   * the detail names their keys.
   */
  MESSAGES_CANCELLED("messages_cancelled"),
  /** A queued message waits because its case is on hold; it goes out when the hold ends, if still current. */
  MESSAGE_DEFERRED("message_deferred"),
  PAYMENT_RECORDED("payment_recorded"),
  HELD("held"),
  RESUMED("resumed"),
  CLOSED("closed"),
  /** The playbook has no further stage: the case waits for payment or a person. */
  LADDER_COMPLETED("ladder_completed"),
  /** The engine could not process the case (a bug, a bad stored row); it retries with backoff. */
  PROCESSING_FAILED("processing_failed"),
  DOCUMENT_STORED("document_stored"),
  PROOF_SUBMITTED("proof_submitted"),
  PROOF_ACCEPTED("proof_accepted"),
  PROOF_REJECTED("proof_rejected"),
  PROMISE_TO_PAY("promise_to_pay"),
  DISPUTE_OPENED("dispute_opened"),
  DISPUTE_RESOLVED("dispute_resolved"),
  PAYMENT_PLAN_REQUESTED("payment_plan_requested"),
  PAYMENT_PLAN_DECIDED("payment_plan_decided"),
  NOTE("note");

  private final String code;

  EventType(String code) {
    this.code = code;
  }

  /** The stable code stored by case stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static EventType fromCode(String code) {
    return Codes.find(values(), code, EventType::code, "event type");
  }
}
