package dev.dunning.intake;

/**
 * The colleague who files a demand, told when it is approved or rejected.
 *
 * @param name their name, recorded on the case's timeline
 * @param email where they are told of the decision
 * @param department their department (may be empty)
 * @since 0.1
 */
public record Requester(String name, String email, String department) {
  public Requester {
    department = department == null ? "" : department;
  }
}
