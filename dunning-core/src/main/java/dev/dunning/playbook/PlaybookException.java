package dev.dunning.playbook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A playbook that cannot be used, with every problem found at once, each naming the JSON path
 * (e.g. {@code stages[2].deadlineDays must be >= 1, was 0}).
 *
 * @since 0.1
 */
public final class PlaybookException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public PlaybookException(String source, List<Problem> problems) {
    super("invalid playbook " + source + " (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem of a playbook.
   *
   * @param path where, as a JSON path without the leading {@code $.} (e.g. {@code stages[2].deadlineDays})
   * @param message what is wrong, starting with the field name
   */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return message;
    }
  }
}
