package dev.dunning.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored portal access token. Only the SHA-256 of the raw token is kept: a leaked table does not
 * open any portal page.
 *
 * @param tokenHash the hex SHA-256 of the raw token
 * @param caseId the one case it opens
 * @param tenantId the creditor of that case
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked (the case closed), or {@code null}
 * @since 0.1
 */
public record PortalToken(String tokenHash, String caseId, String tenantId, Instant issuedAt, Instant expiresAt,
    Instant revokedAt) {
  public PortalToken {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the token opens its case at {@code now}. */
  public boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
