package dev.dunning.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A recovery case ("file", "dossier"): one debtor's unpaid claims on their way through a playbook.
 *
 * <p>Immutable: every change makes a new value through {@link #toBuilder()}, and a {@code CaseStore}
 * writes it only if {@link #version()} still matches (optimistic concurrency). The timeline is not
 * part of this value: it is append-only, can grow long, and is read separately
 * ({@code RecoveryEngine.timeline(id)}), so ticking a case never loads its history.
 *
 * @param id the case id
 * @param tenantId the creditor this case belongs to
 * @param playbookId the playbook that drives it
 * @param debtor who owes
 * @param claims the unpaid invoices, all in one currency, at least one
 * @param origin how the case was opened
 * @param stageId the playbook stage that ran last, or {@code null} before the first one
 * @param stageAttempt how many times the current stage has run (1 normally; more after a
 *     re-issue with a fresh deadline); part of each message's idempotency key
 * @param status where the case stands
 * @param hold why and until when it is paused, when {@code status} is {@code ON_HOLD}, else {@code null}
 * @param resolution how it ended, when {@code status} is {@code CLOSED}, else {@code null}
 * @param pendingStageId the stage waiting for approval, when {@code AWAITING_APPROVAL}, else {@code null}
 * @param deadline the last day the debtor was given to pay, or {@code null} before the first message
 * @param nextActionAt when the engine next has something to do, or {@code null} if only a person or a
 *     payment can move the case
 * @param fees fees charged by the stages so far
 * @param paid payments recorded so far
 * @param openedAt when the case was opened
 * @param failures consecutive failed attempts to process it (drives the retry backoff)
 * @param version the optimistic-concurrency version, incremented by every write
 * @since 0.1
 */
public record RecoveryCase(
    String id,
    String tenantId,
    String playbookId,
    Debtor debtor,
    List<Claim> claims,
    Origin origin,
    String stageId,
    int stageAttempt,
    CaseStatus status,
    Hold hold,
    Resolution resolution,
    String pendingStageId,
    LocalDate deadline,
    Instant nextActionAt,
    Money fees,
    Money paid,
    Instant openedAt,
    int failures,
    long version) {

  public RecoveryCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(playbookId, "playbookId");
    Objects.requireNonNull(debtor, "debtor");
    claims = List.copyOf(Objects.requireNonNull(claims, "claims"));
    if (claims.isEmpty()) {
      throw new IllegalArgumentException("case " + id + ": claims must not be empty");
    }
    Currency currency = claims.get(0).currency();
    for (Claim claim : claims) {
      if (!claim.currency().equals(currency)) {
        throw new CurrencyMismatchException(currency, claim.currency());
      }
    }
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
    // not requireNonNullElse: its default would be allocated on every copy of every case
    if (fees == null) {
      fees = Money.zero(currency);
    }
    if (paid == null) {
      paid = Money.zero(currency);
    }
    if (status == CaseStatus.ON_HOLD && hold == null) {
      throw new IllegalArgumentException("case " + id + ": ON_HOLD needs a hold");
    }
    if (status == CaseStatus.CLOSED && resolution == null) {
      throw new IllegalArgumentException("case " + id + ": CLOSED needs a resolution");
    }
    if (status == CaseStatus.AWAITING_APPROVAL && pendingStageId == null) {
      throw new IllegalArgumentException("case " + id + ": AWAITING_APPROVAL needs a pending stage");
    }
  }

  public Currency currency() {
    return claims.get(0).currency();
  }

  /** What the claims still owed when the case was opened. */
  public Money principal() {
    Money sum = claims.get(0).openBalance();
    for (int i = 1; i < claims.size(); i++) {
      sum = sum.plus(claims.get(i).openBalance());
    }
    return sum;
  }

  /** What the debtor owes now: principal + fees − payments. */
  public Money balance() {
    return principal().plus(fees).minus(paid);
  }

  /** The earliest due date of the claims: the date the ladder counts from. */
  public LocalDate dueDate() {
    LocalDate earliest = claims.get(0).dueDate();
    for (int i = 1; i < claims.size(); i++) {
      if (claims.get(i).dueDate().isBefore(earliest)) {
        earliest = claims.get(i).dueDate();
      }
    }
    return earliest;
  }

  public boolean isClosed() {
    return status == CaseStatus.CLOSED;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This case at {@code version}, everything else the same: {@code toBuilder().version(version).build()}
   * in one constructor call, for stores that stamp every write with its new version.
   */
  public RecoveryCase withVersion(long version) {
    return new RecoveryCase(id, tenantId, playbookId, debtor, claims, origin, stageId, stageAttempt, status, hold,
        resolution, pendingStageId, deadline, nextActionAt, fees, paid, openedAt, failures, version);
  }

  /** A copy of a case with some fields changed. */
  public static final class Builder {
    private String id;
    private String tenantId;
    private String playbookId;
    private Debtor debtor;
    private List<Claim> claims;
    private Origin origin;
    private String stageId;
    private int stageAttempt;
    private CaseStatus status;
    private Hold hold;
    private Resolution resolution;
    private String pendingStageId;
    private LocalDate deadline;
    private Instant nextActionAt;
    private Money fees;
    private Money paid;
    private Instant openedAt;
    private int failures;
    private long version;

    /** A new case: OPEN, version 0, no stage yet. */
    public Builder() {
      status = CaseStatus.OPEN;
      origin = Origin.MANAGER;
    }

    private Builder(RecoveryCase c) {
      id = c.id;
      tenantId = c.tenantId;
      playbookId = c.playbookId;
      debtor = c.debtor;
      claims = c.claims;
      origin = c.origin;
      stageId = c.stageId;
      stageAttempt = c.stageAttempt;
      status = c.status;
      hold = c.hold;
      resolution = c.resolution;
      pendingStageId = c.pendingStageId;
      deadline = c.deadline;
      nextActionAt = c.nextActionAt;
      fees = c.fees;
      paid = c.paid;
      openedAt = c.openedAt;
      failures = c.failures;
      version = c.version;
    }

    public Builder id(String id) { this.id = id; return this; }
    public Builder tenantId(String tenantId) { this.tenantId = tenantId; return this; }
    public Builder playbookId(String playbookId) { this.playbookId = playbookId; return this; }
    public Builder debtor(Debtor debtor) { this.debtor = debtor; return this; }
    public Builder claims(List<Claim> claims) { this.claims = claims; return this; }
    public Builder origin(Origin origin) { this.origin = origin; return this; }
    public Builder stageId(String stageId) { this.stageId = stageId; return this; }
    public Builder stageAttempt(int stageAttempt) { this.stageAttempt = stageAttempt; return this; }
    public Builder status(CaseStatus status) { this.status = status; return this; }
    public Builder hold(Hold hold) { this.hold = hold; return this; }
    public Builder resolution(Resolution resolution) { this.resolution = resolution; return this; }
    public Builder pendingStageId(String pendingStageId) { this.pendingStageId = pendingStageId; return this; }
    public Builder deadline(LocalDate deadline) { this.deadline = deadline; return this; }
    public Builder nextActionAt(Instant nextActionAt) { this.nextActionAt = nextActionAt; return this; }
    public Builder fees(Money fees) { this.fees = fees; return this; }
    public Builder paid(Money paid) { this.paid = paid; return this; }
    public Builder openedAt(Instant openedAt) { this.openedAt = openedAt; return this; }
    public Builder failures(int failures) { this.failures = failures; return this; }
    public Builder version(long version) { this.version = version; return this; }

    public RecoveryCase build() {
      return new RecoveryCase(id, tenantId, playbookId, debtor, claims, origin, stageId, stageAttempt,
          status, hold, resolution, pendingStageId, deadline, nextActionAt, fees, paid, openedAt,
          failures, version);
    }
  }
}
