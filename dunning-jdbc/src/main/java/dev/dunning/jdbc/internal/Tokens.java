package dev.dunning.jdbc.internal;

import dev.dunning.spi.PortalToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Portal tokens by hash. */
public final class Tokens {
  private final Tx tx;
  private final Statements sql;

  public Tokens(Tx tx, Statements sql) {
    this.tx = tx;
    this.sql = sql;
  }

  public void save(PortalToken t) {
    tx.write(sql.tokenTable + ": save token for case " + t.caseId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.insertToken)) {
        ps.setString(1, t.tokenHash());
        ps.setString(2, t.caseId());
        ps.setString(3, t.tenantId());
        Sql.setInstant(ps, 4, t.issuedAt());
        Sql.setInstant(ps, 5, t.expiresAt());
        Sql.setInstant(ps, 6, t.revokedAt());
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          throw new IllegalStateException("a token with this hash already exists (" + sql.tokenTable + ")", e);
        }
        throw e;
      }
      return null;
    });
  }

  public Optional<PortalToken> findByHash(String tokenHash) {
    return tx.read(sql.tokenTable + ": find token", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.tokenByHash)) {
        ps.setString(1, tokenHash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new PortalToken(rs.getString(1), rs.getString(2), rs.getString(3),
              Sql.getInstant(rs, 4), Sql.getInstant(rs, 5), Sql.getInstant(rs, 6))) : Optional.empty();
        }
      }
    });
  }

  public int revokeForCase(String caseId, Instant at) {
    return tx.write(sql.tokenTable + ": revoke tokens of case " + caseId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.revokeTokens)) {
        Sql.setInstant(ps, 1, at);
        ps.setString(2, caseId);
        return ps.executeUpdate();
      }
    });
  }
}
