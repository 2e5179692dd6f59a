package dev.dunning.playbook;

import dev.dunning.model.ChannelType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One step of a playbook: what is sent, when, on which channels, and how long the debtor then has.
 *
 * @param id the stage id, unique in its playbook; stored on cases, so renaming one strands cases
 * @param kind what the stage is
 * @param start when it starts
 * @param deadlineDays the days the debtor is given to pay, counted from the day the message is queued
 * @param dayCount whether {@code deadlineDays} are calendar or business days
 * @param channels the channels, in order of preference
 * @param delivery whether one channel or all of them are used
 * @param templateKey the base name of the templates (e.g. {@code reminder1}); see {@code TemplateResolver}
 * @param fee a fixed fee charged when the stage runs, in the case's currency (zero for none)
 * @param requiresApproval whether a person must approve the stage before it runs
 * @since 0.1
 */
public record Stage(
    String id,
    StageKind kind,
    StageStart start,
    int deadlineDays,
    DayCount dayCount,
    List<ChannelType> channels,
    Delivery delivery,
    String templateKey,
    BigDecimal fee,
    boolean requiresApproval) {

  public Stage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    dayCount = Objects.requireNonNullElse(dayCount, DayCount.CALENDAR);
    channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
    delivery = Objects.requireNonNullElse(delivery, Delivery.FIRST_REACHABLE);
    templateKey = Objects.requireNonNullElse(templateKey, id);
    fee = Objects.requireNonNullElse(fee, BigDecimal.ZERO);
  }

  public static Builder builder(String id, StageKind kind) {
    return new Builder(id, kind);
  }

  /** Builds a {@link Stage}. Defaults: starts on the previous deadline, 8 calendar days, no fee. */
  public static final class Builder {
    private final String id;
    private final StageKind kind;
    private StageStart start = StageStart.daysAfterPreviousDeadline(0);
    private int deadlineDays = 8;
    private DayCount dayCount = DayCount.CALENDAR;
    private final List<ChannelType> channels = new ArrayList<>();
    private Delivery delivery = Delivery.FIRST_REACHABLE;
    private String templateKey;
    private BigDecimal fee = BigDecimal.ZERO;
    private boolean requiresApproval;

    private Builder(String id, StageKind kind) {
      this.id = Objects.requireNonNull(id, "id");
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Builder start(StageStart start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    public Builder startDaysFromDueDate(int days) {
      return start(StageStart.daysFromDueDate(days));
    }

    public Builder startDaysAfterPreviousDeadline(int days) {
      return start(StageStart.daysAfterPreviousDeadline(days));
    }

    public Builder deadlineDays(int days) {
      this.deadlineDays = days;
      return this;
    }

    public Builder dayCount(DayCount dayCount) {
      this.dayCount = Objects.requireNonNull(dayCount, "dayCount");
      return this;
    }

    public Builder channels(ChannelType... channels) {
      this.channels.clear();
      this.channels.addAll(Arrays.asList(channels));
      return this;
    }

    public Builder delivery(Delivery delivery) {
      this.delivery = Objects.requireNonNull(delivery, "delivery");
      return this;
    }

    public Builder template(String templateKey) {
      this.templateKey = templateKey;
      return this;
    }

    public Builder fee(String fee) {
      this.fee = new BigDecimal(fee);
      return this;
    }

    public Builder fee(BigDecimal fee) {
      this.fee = Objects.requireNonNull(fee, "fee");
      return this;
    }

    public Builder requiresApproval(boolean requiresApproval) {
      this.requiresApproval = requiresApproval;
      return this;
    }

    public Stage build() {
      return new Stage(id, kind, start, deadlineDays, dayCount, channels, delivery,
          templateKey == null ? id : templateKey, fee, requiresApproval);
    }
  }
}
