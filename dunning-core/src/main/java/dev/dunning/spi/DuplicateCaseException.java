package dev.dunning.spi;

/**
 * A case with this id already exists. Nothing was written.
 *
 * @since 0.1
 */
public final class DuplicateCaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateCaseException(String caseId) {
    super("a case with id " + caseId + " already exists");
  }
}
