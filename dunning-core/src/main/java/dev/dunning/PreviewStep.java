package dev.dunning;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Money;
import dev.dunning.playbook.StageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One future step of a case if nobody pays, as {@link RecoveryEngine#preview} predicts it.
 *
 * @param at when the stage runs (for a stage needing approval: when approval is asked for; the
 *     preview assumes it is given at once)
 * @param stageId the stage
 * @param kind its kind
 * @param channels the channels its messages go out on
 * @param deadline the deadline it gives
 * @param balance the balance it states (fees included)
 * @param needsApproval whether a person must approve it first
 * @since 0.1
 */
public record PreviewStep(Instant at, String stageId, StageKind kind, List<ChannelType> channels, LocalDate deadline,
    Money balance, boolean needsApproval) {}
