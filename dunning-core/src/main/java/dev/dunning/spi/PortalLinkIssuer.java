package dev.dunning.spi;

import dev.dunning.model.RecoveryCase;
import java.net.URI;
import java.util.Optional;

/**
 * Gives each outgoing message the link to the debtor's portal page. Called at dispatch time, once
 * per delivery attempt, so the raw token exists only in the message sent, never in the outbox.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PortalLinkIssuer {
  /** No portal: messages carry no link. */
  PortalLinkIssuer NONE = (recoveryCase, message) -> Optional.empty();

  Optional<URI> linkFor(RecoveryCase recoveryCase, OutboxMessage message);
}
