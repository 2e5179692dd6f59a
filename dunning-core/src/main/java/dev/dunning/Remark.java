package dev.dunning;

import dev.dunning.model.EventType;
import java.util.Objects;

/**
 * A fact for the timeline that accompanies an operation and is written in the same store write,
 * so that, say, "proof of payment submitted" and the hold it causes are recorded together or not
 * at all: {@code engine.hold(id, PROOF_UNDER_REVIEW, null, note, actor, Remark.of(PROOF_SUBMITTED, "…"))}.
 *
 * @param type what happened
 * @param detail a human-readable description; never a secret such as a portal token
 * @since 0.1
 */
public record Remark(EventType type, String detail) {
  public Remark {
    Objects.requireNonNull(type, "type");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public static Remark of(EventType type, String detail) {
    return new Remark(type, detail);
  }
}
