package dev.dunning.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps portal tokens by their hash.
 *
 * @since 0.1
 */
public interface PortalTokenStore {

  /** Stores a new token. */
  void save(PortalToken token);

  /** The token with this hash, whatever its state (the caller checks expiry and revocation). */
  Optional<PortalToken> findByHash(String tokenHash);

  /** Revokes every token of a case that is not yet revoked; returns how many. */
  int revokeForCase(String caseId, Instant at);
}
