package dev.dunning.portal;

/**
 * A portal link does not open anything. Deliberately one type and one message whatever the cause
 * (forged, expired, revoked, its case closed, another creditor's), so that a caller learns nothing
 * about which tokens exist.
 *
 * @since 0.1
 */
public final class InvalidPortalLinkException extends RuntimeException {
  /** The one message, fit to show the debtor. */
  public static final String MESSAGE =
      "This link is not valid. It may have expired; the latest message you received has a link that works.";

  public InvalidPortalLinkException() {
    // no cause and no stack trace of the check: nothing that could tell the causes apart
    super(MESSAGE, null, false, false);
  }
}
