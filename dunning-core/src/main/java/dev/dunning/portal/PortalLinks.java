package dev.dunning.portal;

import dev.dunning.RecoveryListener;
import dev.dunning.internal.Hashes;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.PortalLinkIssuer;
import dev.dunning.spi.PortalToken;
import dev.dunning.spi.PortalTokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues and verifies the secret links to the debtor's portal page. Register it with the engine
 * twice: as its {@link PortalLinkIssuer} (every delivery attempt gets a fresh link) and as a
 * {@link RecoveryListener} (a case that closes has its links revoked).
 *
 * <pre>{@code
 * PortalLinks links = PortalLinks.builder(tokenStore, clock).baseUri("https://pay.example/p/{token}").build();
 * RecoveryEngine engine = RecoveryEngine.builder().portalLinks(links).listener(links)…build();
 * }</pre>
 *
 * <p>A token is 256 random bits from {@link SecureRandom}, URL-safe Base64 without padding. Only
 * its SHA-256 is stored, compared in constant time; it opens one case of one creditor until it
 * expires ({@value #DEFAULT_VALIDITY_DAYS} days by default) or the case closes. The raw token exists
 * only in the link handed to the channel: it is never logged, never on the timeline, and no
 * {@code toString()} here shows it.
 *
 * @since 0.1
 */
public final class PortalLinks implements PortalLinkIssuer, RecoveryListener {
  /** How long a link works by default. */
  public static final int DEFAULT_VALIDITY_DAYS = 60;
  static final int TOKEN_BYTES = 32;
  /** 32 bytes in unpadded URL-safe Base64; anything else cannot be one of ours and is refused before any lookup. */
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final PortalTokenStore tokens;
  private final Clock clock;
  private final String template;
  private final Duration validity;
  private final SecureRandom random;

  private PortalLinks(Builder b) {
    this.tokens = b.tokens;
    this.clock = b.clock;
    this.template = b.template;
    this.validity = b.validity;
    this.random = b.random;
  }

  public static Builder builder(PortalTokenStore tokens, Clock clock) {
    return new Builder(tokens, clock);
  }

  /** A new link for {@code recoveryCase}; none for a closed case, which has nothing left to show. */
  @Override
  public Optional<URI> linkFor(RecoveryCase recoveryCase, OutboxMessage message) {
    if (recoveryCase.isClosed()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    tokens.save(new PortalToken(Hashes.sha256Hex(raw), recoveryCase.id(), recoveryCase.tenantId(), now,
        now.plus(validity), null));
    return Optional.of(link(template, recoveryCase.tenantId(), raw));
  }

  /** The link with {@link #REDACTED_TOKEN} where the token is: the page it names, opening nothing. */
  @Override
  public URI redacted(RecoveryCase recoveryCase, URI link) {
    return link(template, recoveryCase.tenantId(), REDACTED_TOKEN);
  }

  /**
   * The token behind {@code rawToken} if it opens a case of {@code tenantId} now.
   *
   * @throws InvalidPortalLinkException for any token that does not, whatever the reason
   */
  public PortalToken verify(String tenantId, String rawToken) {
    if (tenantId == null || rawToken == null || !TOKEN_SHAPE.matcher(rawToken).matches()) {
      throw new InvalidPortalLinkException();
    }
    byte[] hash = Hashes.sha256(rawToken.getBytes(StandardCharsets.US_ASCII));
    PortalToken token = tokens.findByHash(HexFormat.of().formatHex(hash)).orElseThrow(InvalidPortalLinkException::new);
    // the store found it by hash; comparing the bytes again in constant time guards against a store that matches loosely
    boolean same = MessageDigest.isEqual(hash, HexFormat.of().parseHex(token.tokenHash()));
    if (!same || !token.isValidAt(clock.instant()) || !token.tenantId().equals(tenantId)) {
      throw new InvalidPortalLinkException();
    }
    return token;
  }

  /** Revokes a case's links when it closes, so a paid debtor's old e-mails open nothing. */
  @Override
  public void onCaseChanged(RecoveryCase before, RecoveryCase after, List<TimelineEvent> events) {
    if (after.isClosed() && (before == null || !before.isClosed())) {
      tokens.revokeForCase(after.id(), clock.instant());
    }
  }

  @Override
  public String toString() {
    return "PortalLinks[" + template + ", valid " + validity.toDays() + " days]";
  }

  static URI link(String template, String tenantId, String raw) {
    String tenant = URLEncoder.encode(tenantId, StandardCharsets.UTF_8).replace("+", "%20");
    String withTenant = template.replace("{tenant}", tenant);
    return URI.create(withTenant.contains("{token}") ? withTenant.replace("{token}", raw)
        : withTenant + (withTenant.endsWith("/") ? "" : "/") + raw);
  }

  /** Configures {@link PortalLinks}; the base URI is required. */
  public static final class Builder {
    private final PortalTokenStore tokens;
    private final Clock clock;
    private String template;
    private Duration validity = Duration.ofDays(DEFAULT_VALIDITY_DAYS);
    private SecureRandom random = new SecureRandom();

    private Builder(PortalTokenStore tokens, Clock clock) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where the portal page is: an absolute http(s) URI in which {@code {token}} is replaced by the
     * token and {@code {tenant}} by the creditor's id; without {@code {token}}, the token is appended
     * as the last path segment. E.g. {@code https://pay.example/p/{token}}.
     */
    public Builder baseUri(String template) {
      Objects.requireNonNull(template, "template");
      URI sample;
      try {
        sample = link(template, "tenant", "A".repeat(43));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUri is not a valid URI template: " + template, e);
      }
      if (!sample.isAbsolute() || !("https".equals(sample.getScheme()) || "http".equals(sample.getScheme()))) {
        throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + template);
      }
      this.template = template;
      return this;
    }

    /** How long a link works, 1 to 366 days. Default {@value #DEFAULT_VALIDITY_DAYS} days. */
    public Builder validity(Duration validity) {
      Objects.requireNonNull(validity, "validity");
      if (validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(Duration.ofDays(366)) > 0) {
        throw new IllegalArgumentException("validity must be between 1 and 366 days, was " + validity);
      }
      this.validity = validity;
      return this;
    }

    /** The source of tokens. Default: a new {@link SecureRandom}; only a {@code SecureRandom} is accepted. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public PortalLinks build() {
      if (template == null) {
        throw new IllegalStateException("baseUri is required, e.g. baseUri(\"https://pay.example/p/{token}\")");
      }
      return new PortalLinks(this);
    }
  }
}
