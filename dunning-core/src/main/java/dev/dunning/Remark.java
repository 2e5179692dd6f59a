package dev.dunning;

import dev.dunning.model.Actor;
import dev.dunning.model.EventType;
import java.util.Objects;

/**
 * A fact for the timeline that accompanies an operation and is written in the same store write,
 * so that, say, "proof of payment submitted" and the hold it causes are recorded together or not
 * at all: {@code engine.hold(id, PROOF_UNDER_REVIEW, null, note, actor, Remark.of(PROOF_SUBMITTED, "…"))}.
 *
 * @param type what happened
 * @param detail a human-readable description; never a secret such as a portal token
 * @param actor who it is recorded for, or {@code null} for the operation's own actor (e.g. the
 *     colleague who filed a demand, on the case a manager opens for it)
 * @since 0.1
 */
public record Remark(EventType type, String detail, Actor actor) {
  public Remark {
    Objects.requireNonNull(type, "type");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public static Remark of(EventType type, String detail) {
    return new Remark(type, detail, null);
  }

  /** A remark recorded for {@code actor} rather than for the operation's actor. */
  public static Remark by(Actor actor, EventType type, String detail) {
    return new Remark(type, detail, Objects.requireNonNull(actor, "actor"));
  }

  /** Who this remark is recorded for: its own actor, else {@code operationActor}. */
  public Actor actorOr(Actor operationActor) {
    return actor != null ? actor : operationActor;
  }
}
