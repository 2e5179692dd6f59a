package dev.dunning;

/**
 * What one dispatch of the outbox did.
 *
 * @param delivered messages sent
 * @param retrying messages that failed transiently and wait for a retry
 * @param failed messages that failed for good (a fallback channel may have been queued)
 * @param cancelled messages not sent because their case had closed
 * @since 0.1
 */
public record DispatchReport(int delivered, int retrying, int failed, int cancelled) {
  static final DispatchReport NONE = new DispatchReport(0, 0, 0, 0);

  DispatchReport plus(DispatchReport o) {
    return new DispatchReport(delivered + o.delivered, retrying + o.retrying, failed + o.failed,
        cancelled + o.cancelled);
  }
}
