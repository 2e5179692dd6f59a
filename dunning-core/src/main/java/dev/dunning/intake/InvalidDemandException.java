package dev.dunning.intake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A demand was refused: {@link #problems()} lists everything wrong with it at once, each naming
 * its field, so the form can mark every field in one round trip.
 *
 * @since 0.1
 */
public final class InvalidDemandException extends IllegalArgumentException {
  private final transient List<DemandProblem> problems;

  public InvalidDemandException(List<DemandProblem> problems) {
    super("the demand has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
        + problems.stream().map(DemandProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<DemandProblem> problems() {
    return problems;
  }
}
