package dev.dunning.spi;

/**
 * A write lost an optimistic-concurrency race: the case changed since it was read. Nothing was
 * written; read the case again and retry the operation.
 *
 * @since 0.1
 */
public final class StaleCaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StaleCaseException(String caseId, long expectedVersion) {
    super("case " + caseId + " changed since version " + expectedVersion + " was read");
  }
}
