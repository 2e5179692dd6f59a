package dev.dunning;

import dev.dunning.model.Actor;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RecoveryEngine#open} needs to open a case.
 *
 * @param id the case id, or {@code null} to have one generated
 * @param tenantId the creditor
 * @param debtor who owes
 * @param claims the unpaid invoices
 * @param origin how the case came to be opened
 * @param playbookId the playbook, or {@code null} for the engine's default
 * @param openedBy who opened it
 * @since 0.1
 */
public record NewCase(String id, String tenantId, Debtor debtor, List<Claim> claims, Origin origin, String playbookId,
    Actor openedBy) {

  public NewCase {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(debtor, "debtor");
    claims = List.copyOf(Objects.requireNonNull(claims, "claims"));
    if (claims.isEmpty()) {
      throw new IllegalArgumentException("claims must list at least one claim");
    }
    origin = Objects.requireNonNullElse(origin, Origin.MANAGER);
    openedBy = Objects.requireNonNullElse(openedBy, Actor.SYSTEM);
  }

  public static Builder builder(String tenantId, Debtor debtor) {
    return new Builder(tenantId, debtor);
  }

  /** Builds a {@link NewCase}; origin defaults to MANAGER, the playbook to the engine's default. */
  public static final class Builder {
    private final String tenantId;
    private final Debtor debtor;
    private final List<Claim> claims = new ArrayList<>();
    private String id;
    private Origin origin = Origin.MANAGER;
    private String playbookId;
    private Actor openedBy = Actor.SYSTEM;

    private Builder(String tenantId, Debtor debtor) {
      this.tenantId = tenantId;
      this.debtor = debtor;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder claim(Claim claim) {
      claims.add(Objects.requireNonNull(claim, "claim"));
      return this;
    }

    public Builder claims(List<Claim> claims) {
      this.claims.addAll(claims);
      return this;
    }

    public Builder origin(Origin origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    public Builder playbook(String playbookId) {
      this.playbookId = playbookId;
      return this;
    }

    public Builder openedBy(Actor actor) {
      this.openedBy = Objects.requireNonNull(actor, "actor");
      return this;
    }

    public NewCase build() {
      return new NewCase(id, tenantId, debtor, claims, origin, playbookId, openedBy);
    }
  }
}
