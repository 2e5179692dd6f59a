package dev.dunning.spi;

/**
 * No case with this id exists.
 *
 * @since 0.1
 */
public final class CaseNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CaseNotFoundException(String caseId) {
    super("no case with id " + caseId);
  }
}
