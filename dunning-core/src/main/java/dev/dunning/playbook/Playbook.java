package dev.dunning.playbook;

import static dev.dunning.model.ChannelType.COURT_FILING;
import static dev.dunning.model.ChannelType.EMAIL;
import static dev.dunning.model.ChannelType.LETTER;
import static dev.dunning.model.ChannelType.REGISTERED_LETTER;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A creditor's escalation ladder: ordered stages, each with its start, deadline, channels,
 * template, fee and whether it needs approval. Validated when built: an invalid playbook never
 * reaches the engine. Load one from JSON with {@link PlaybookLoader}.
 *
 * @param id the playbook id cases refer to
 * @param sendTime the local time of day (in the debtor's zone) stages start at
 * @param stages the stages, in escalation order
 * @since 0.1
 */
public record Playbook(String id, LocalTime sendTime, List<Stage> stages) {
  /** The id of {@link #defaultPlaybook()}. */
  public static final String DEFAULT_ID = "default";
  /** Stages start at 09:00 in the debtor's time zone unless the playbook says otherwise. */
  public static final LocalTime DEFAULT_SEND_TIME = LocalTime.of(9, 0);

  public Playbook {
    Objects.requireNonNull(id, "id");
    sendTime = Objects.requireNonNullElse(sendTime, DEFAULT_SEND_TIME);
    stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    List<PlaybookException.Problem> problems = PlaybookRules.check(id, stages);
    if (!problems.isEmpty()) {
      throw new PlaybookException("'" + id + "'", problems);
    }
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The classic ladder: first reminder the day after the due date (8 days to pay) → second
   * reminder when that deadline passes (8 more days) → formal notice by registered letter and
   * e-mail (15 days) → injunction, filed with a court once a person approves it.
   */
  public static Playbook defaultPlaybook() {
    return builder(DEFAULT_ID)
        .stage(Stage.builder("reminder1", StageKind.REMINDER).startDaysFromDueDate(1).deadlineDays(8)
            .channels(EMAIL, LETTER).template("reminder1").build())
        .stage(Stage.builder("reminder2", StageKind.REMINDER).startDaysAfterPreviousDeadline(0)
            .deadlineDays(8).channels(EMAIL, LETTER).template("reminder2").build())
        .stage(Stage.builder("formal_notice", StageKind.FORMAL_NOTICE).startDaysAfterPreviousDeadline(0)
            .deadlineDays(15).channels(REGISTERED_LETTER, EMAIL).delivery(Delivery.ALL)
            .template("formal_notice").build())
        .stage(Stage.builder("injunction", StageKind.INJUNCTION).startDaysAfterPreviousDeadline(0)
            .deadlineDays(30).channels(COURT_FILING).template("injunction").requiresApproval(true)
            .build())
        .build();
  }

  /** The stage with this id. */
  public Optional<Stage> stage(String stageId) {
    int i = indexOf(stageId);
    return i < 0 ? Optional.empty() : Optional.of(stages.get(i));
  }

  /** The position of the stage with this id, or -1. */
  public int indexOf(String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(stageId)) {
        return i;
      }
    }
    return -1;
  }

  /** The stage after {@code stageId} ({@code null} = the first stage), or empty at the end of the ladder. */
  public Optional<Stage> after(String stageId) {
    int next = stageId == null ? 0 : indexOf(stageId) + 1;
    if (stageId != null && next == 0) {
      throw new UnknownStageException(id, stageId);
    }
    return next < stages.size() ? Optional.of(stages.get(next)) : Optional.empty();
  }

  /** Builds a {@link Playbook}; validation runs in {@link #build()}. */
  public static final class Builder {
    private final String id;
    private LocalTime sendTime = DEFAULT_SEND_TIME;
    private final List<Stage> stages = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder sendTime(LocalTime sendTime) {
      this.sendTime = Objects.requireNonNull(sendTime, "sendTime");
      return this;
    }

    public Builder stage(Stage stage) {
      stages.add(Objects.requireNonNull(stage, "stage"));
      return this;
    }

    public Playbook build() {
      return new Playbook(id, sendTime, stages);
    }
  }
}
