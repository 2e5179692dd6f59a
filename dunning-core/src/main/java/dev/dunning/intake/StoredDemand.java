package dev.dunning.intake;

import dev.dunning.model.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A valid demand as kept by a {@link DemandStore}, with its decision once there is one.
 *
 * @param id the demand id
 * @param demand what the colleague sent
 * @param status where it stands
 * @param submittedAt when it was submitted
 * @param decidedAt when it was approved or rejected, or {@code null}
 * @param decidedBy who approved or rejected it, or {@code null}
 * @param caseId the case opened for it once approved (or being opened, while {@link DemandStatus#APPROVING}),
 *     else {@code null}
 * @param rejectionReason why it was rejected, else empty
 * @param version incremented by every write; a store replaces a demand only at the version read
 * @since 0.1
 */
public record StoredDemand(String id, Demand demand, DemandStatus status, Instant submittedAt, Instant decidedAt,
    Actor decidedBy, String caseId, String rejectionReason, long version) {

  public StoredDemand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(submittedAt, "submittedAt");
    rejectionReason = Objects.requireNonNullElse(rejectionReason, "");
  }

  /** A new pending demand, version 0. */
  public static StoredDemand pending(String id, Demand demand, Instant submittedAt) {
    return new StoredDemand(id, demand, DemandStatus.PENDING, submittedAt, null, null, null, "", 0);
  }

  StoredDemand approving(Instant at, Actor by, String caseId) {
    return new StoredDemand(id, demand, DemandStatus.APPROVING, submittedAt, at, by, caseId, "", version + 1);
  }

  StoredDemand approved(Instant at, Actor by, String caseId) {
    return new StoredDemand(id, demand, DemandStatus.APPROVED, submittedAt, at, by, caseId, "", version + 1);
  }

  StoredDemand rejected(Instant at, Actor by, String reason) {
    return new StoredDemand(id, demand, DemandStatus.REJECTED, submittedAt, at, by, null, reason, version + 1);
  }

  StoredDemand reopened() {
    return new StoredDemand(id, demand, DemandStatus.PENDING, submittedAt, null, null, null, "", version + 1);
  }
}
