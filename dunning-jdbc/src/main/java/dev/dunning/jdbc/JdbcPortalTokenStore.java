package dev.dunning.jdbc;

import dev.dunning.jdbc.internal.Tokens;
import dev.dunning.spi.PortalToken;
import dev.dunning.spi.PortalTokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link PortalTokenStore} in the same database as a {@link JdbcCaseStore}, table
 * {@code <prefix>portal_token}. Only token hashes are stored. Obtain one from
 * {@link JdbcCaseStore#portalTokenStore()}.
 *
 * @since 0.1
 */
public final class JdbcPortalTokenStore implements PortalTokenStore {
  private final Tokens tokens;

  JdbcPortalTokenStore(Tokens tokens) {
    this.tokens = tokens;
  }

  /** @throws IllegalStateException if a token with this hash already exists; nothing is written */
  @Override
  public void save(PortalToken token) {
    tokens.save(token);
  }

  @Override
  public Optional<PortalToken> findByHash(String tokenHash) {
    return tokens.findByHash(tokenHash);
  }

  @Override
  public int revokeForCase(String caseId, Instant at) {
    return tokens.revokeForCase(caseId, at);
  }
}
