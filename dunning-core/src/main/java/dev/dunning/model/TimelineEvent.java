package dev.dunning.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One append-only fact on a case's timeline: the evidence a bailiff or a court asks for.
 *
 * @param caseId the case
 * @param at when it happened (the engine's clock)
 * @param type what happened
 * @param actor who did it
 * @param stageId the playbook stage concerned, or empty
 * @param detail a human-readable description; never contains a portal token or a password
 * @since 0.1
 */
public record TimelineEvent(String caseId, Instant at, EventType type, Actor actor, String stageId, String detail) {
  public TimelineEvent {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    stageId = Objects.requireNonNullElse(stageId, "");
    detail = Objects.requireNonNullElse(detail, "");
  }
}
