package dev.dunning.memory;

import dev.dunning.spi.PortalToken;
import dev.dunning.spi.PortalTokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link PortalTokenStore} in memory.
 *
 * @since 0.1
 */
public final class InMemoryPortalTokenStore implements PortalTokenStore {
  private final Map<String, PortalToken> byHash = new ConcurrentHashMap<>();

  @Override
  public void save(PortalToken token) {
    if (byHash.putIfAbsent(token.tokenHash(), token) != null) {
      throw new IllegalStateException("a token with this hash already exists");
    }
  }

  @Override
  public Optional<PortalToken> findByHash(String tokenHash) {
    return Optional.ofNullable(byHash.get(tokenHash));
  }

  @Override
  public int revokeForCase(String caseId, Instant at) {
    int[] revoked = {0};
    byHash.replaceAll((hash, t) -> {
      if (t.caseId().equals(caseId) && t.revokedAt() == null) {
        revoked[0]++;
        return new PortalToken(t.tokenHash(), t.caseId(), t.tenantId(), t.issuedAt(), t.expiresAt(), at);
      }
      return t;
    });
    return revoked[0];
  }
}
