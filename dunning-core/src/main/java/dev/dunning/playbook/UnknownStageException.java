package dev.dunning.playbook;

/**
 * A case refers to a stage its playbook does not have (typically after a stage was renamed or
 * removed from a playbook while cases were at it).
 *
 * @since 0.1
 */
public final class UnknownStageException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public UnknownStageException(String playbookId, String stageId) {
    super("stage '" + stageId + "' is not in playbook '" + playbookId
        + "' (was it renamed or removed while cases were at it?)");
  }
}
