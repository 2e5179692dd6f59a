package dev.dunning.spi;

import dev.dunning.model.RecoveryCase;
import java.net.URI;
import java.util.Optional;

/**
 * Gives each outgoing message the link to the debtor's portal page. Called at dispatch time, once
 * per delivery attempt, so the raw token exists only in the message sent, never in the outbox, nor
 * in the copy of a letter the engine keeps: that copy is rendered with {@link #redacted} instead.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PortalLinkIssuer {
  /** No portal: messages carry no link. */
  PortalLinkIssuer NONE = (recoveryCase, message) -> Optional.empty();

  /** What stands for the secret in a link kept at rest: it tells the reader the real one went to the debtor. */
  String REDACTED_TOKEN = "(personal-link-sent-to-the-debtor)";

  Optional<URI> linkFor(RecoveryCase recoveryCase, OutboxMessage message);

  /**
   * {@code link} as it may be kept at rest (the archived copy of a letter): without its secret, so
   * that it opens nothing. The default keeps only the scheme and host, followed by
   * {@link #REDACTED_TOKEN} as the path, since it cannot know where in the link the secret is;
   * an issuer that knows should replace just the secret.
   */
  default URI redacted(RecoveryCase recoveryCase, URI link) {
    return URI.create(link.getScheme() + "://" + link.getRawAuthority() + "/" + REDACTED_TOKEN);
  }
}
