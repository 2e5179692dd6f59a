package dev.dunning.spi;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Money;
import dev.dunning.playbook.StageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A message a transition caused, stored with that transition and delivered after it commits.
 *
 * <p>The {@link #idempotencyKey()} is deterministic ({@code case:stage:attempt:channel}) and unique
 * in a store: the same stage can never queue the same message twice, and every delivery attempt
 * of it (including a re-delivery after a crash) carries it, e.g. as the e-mail's Message-ID.
 *
 * @param idempotencyKey unique, deterministic key
 * @param caseId the case
 * @param tenantId the creditor
 * @param stageId the stage that queued it
 * @param stageKind that stage's kind
 * @param stageAttempt the stage attempt: 1 on a stage's first run; more when it was re-issued or
 *     the escalation policy went back to it (unique per case and stage)
 * @param channel the channel to deliver on
 * @param fallbacks the channels to try next, in order, if this one rejects it permanently
 * @param templateKey the stage's template key
 * @param deadline the deadline the message states, or {@code null}
 * @param amountDue the balance the message states
 * @param createdAt when it was queued
 * @param status delivery state
 * @param attempts delivery attempts made so far
 * @param nextAttemptAt when it is next due (or, while IN_FLIGHT, when its lease expires)
 * @param leaseToken the claim's token while IN_FLIGHT, else {@code null}
 * @param lastError the last failure, or {@code null}
 * @param receipt the channel's receipt once SENT, or {@code null}
 * @param sentAt when it was sent, or {@code null}
 * @since 0.1
 */
public record OutboxMessage(
    String idempotencyKey,
    String caseId,
    String tenantId,
    String stageId,
    StageKind stageKind,
    int stageAttempt,
    ChannelType channel,
    List<ChannelType> fallbacks,
    String templateKey,
    LocalDate deadline,
    Money amountDue,
    Instant createdAt,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    String leaseToken,
    String lastError,
    String receipt,
    Instant sentAt) {

  public OutboxMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(stageKind, "stageKind");
    Objects.requireNonNull(channel, "channel");
    fallbacks = List.copyOf(Objects.requireNonNullElse(fallbacks, List.of()));
    Objects.requireNonNull(templateKey, "templateKey");
    Objects.requireNonNull(amountDue, "amountDue");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }

  /** The deterministic key of the message of {@code stageId}, attempt {@code stageAttempt}, on {@code channel}. */
  public static String keyOf(String caseId, String stageId, int stageAttempt, ChannelType channel) {
    return caseId + ":" + stageId + ":" + stageAttempt + ":" + channel.code();
  }

  /** A new PENDING message, due at {@code createdAt}. */
  public static OutboxMessage pending(String caseId, String tenantId, String stageId, StageKind stageKind,
      int stageAttempt, ChannelType channel, List<ChannelType> fallbacks, String templateKey,
      LocalDate deadline, Money amountDue, Instant createdAt) {
    return new OutboxMessage(keyOf(caseId, stageId, stageAttempt, channel), caseId, tenantId, stageId,
        stageKind, stageAttempt, channel, fallbacks, templateKey, deadline, amountDue, createdAt,
        OutboxStatus.PENDING, 0, createdAt, null, null, null, null);
  }

  /** The same message, claimed under {@code leaseToken} until {@code leaseUntil}. */
  public OutboxMessage claimed(String leaseToken, Instant leaseUntil) {
    return new OutboxMessage(idempotencyKey, caseId, tenantId, stageId, stageKind, stageAttempt, channel,
        fallbacks, templateKey, deadline, amountDue, createdAt, OutboxStatus.IN_FLIGHT, attempts,
        leaseUntil, leaseToken, lastError, receipt, sentAt);
  }

  /** The same message with the outcome of a delivery attempt applied. */
  public OutboxMessage with(DeliveryOutcome outcome) {
    return new OutboxMessage(idempotencyKey, caseId, tenantId, stageId, stageKind, stageAttempt, channel,
        fallbacks, templateKey, deadline, amountDue, createdAt, outcome.status(), outcome.attempts(),
        outcome.nextAttemptAt(), null, outcome.error(), outcome.receipt(),
        outcome.status() == OutboxStatus.SENT ? outcome.at() : sentAt);
  }

  /** The same message, cancelled. */
  public OutboxMessage cancelled() {
    return new OutboxMessage(idempotencyKey, caseId, tenantId, stageId, stageKind, stageAttempt, channel,
        fallbacks, templateKey, deadline, amountDue, createdAt, OutboxStatus.CANCELLED, attempts,
        nextAttemptAt, null, lastError, receipt, sentAt);
  }

  /** A new PENDING message for the first fallback channel, due at {@code now}. */
  public OutboxMessage fallback(Instant now) {
    if (fallbacks.isEmpty()) {
      throw new IllegalStateException("message " + idempotencyKey + " has no fallback channel");
    }
    return pending(caseId, tenantId, stageId, stageKind, stageAttempt, fallbacks.get(0),
        fallbacks.subList(1, fallbacks.size()), templateKey, deadline, amountDue, now);
  }
}
