package dev.dunning.spi;

import dev.dunning.internal.StageChannels;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Creditor;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Delivery;
import dev.dunning.playbook.Stage;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.policy.TemplateResolver;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything a channel needs to deliver one outbox message: the message, the case as it is now,
 * the creditor it is sent for, the stage, the debtor's locale, the portal link, attachments, and
 * the template ids to try, which the engine's {@link TemplateResolver} gave for the message's
 * template key, channel and locale: a channel renders the first of them it has, so a host's
 * resolver reaches every channel without the channel keeping one of its own.
 *
 * @param message the outbox message (its idempotency key identifies every attempt)
 * @param recoveryCase the case, as loaded at dispatch time
 * @param creditor the creditor (sender, letterhead, payment details)
 * @param stage the playbook stage that queued the message
 * @param locale the language to write in
 * @param portalLink the debtor's portal link, or {@code null}; contains a secret: never log it
 * @param attachments the letter and invoice copies to attach
 * @param templateCandidates the template ids to try, most specific first (never empty)
 * @param stageChannels the channels this attempt of the stage goes out on at once, as the engine's
 *     {@link ChannelRouter} routes it for the debtor: on {@link Delivery#ALL} every routed channel,
 *     else only this message's (the rest of its route are fallbacks). What a message may say about
 *     the others, e.g. an e-mail that the notice also comes by registered letter.
 * @since 0.1
 */
public record OutboundMessage(OutboxMessage message, RecoveryCase recoveryCase, Creditor creditor, Stage stage,
    Locale locale, URI portalLink, List<Document> attachments, List<String> templateCandidates,
    List<ChannelType> stageChannels) {
  public OutboundMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recoveryCase, "recoveryCase");
    Objects.requireNonNull(creditor, "creditor");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(locale, "locale");
    attachments = List.copyOf(Objects.requireNonNullElse(attachments, List.of()));
    templateCandidates = List.copyOf(Objects.requireNonNull(templateCandidates, "templateCandidates"));
    if (templateCandidates.isEmpty()) {
      throw new IllegalArgumentException("templateCandidates must name at least one template id");
    }
    stageChannels = List.copyOf(Objects.requireNonNull(stageChannels, "stageChannels"));
  }

  /**
   * A message whose stage channels are those the default router
   * ({@link ChannelRouter#reachablePreferredFirst()}) gives: for tests and messages built by hand.
   * The engine always passes its own router's.
   */
  public OutboundMessage(OutboxMessage message, RecoveryCase recoveryCase, Creditor creditor, Stage stage,
      Locale locale, URI portalLink, List<Document> attachments, List<String> templateCandidates) {
    this(message, recoveryCase, creditor, stage, locale, portalLink, attachments, templateCandidates,
        defaultStageChannels(message, recoveryCase, stage));
  }

  /**
   * A message whose candidates are the default chain ({@link TemplateResolver#localeFallback()}) for
   * its template key, and whose stage channels the default router gives: for tests and messages built
   * by hand. The engine always passes its own.
   */
  public OutboundMessage(OutboxMessage message, RecoveryCase recoveryCase, Creditor creditor, Stage stage,
      Locale locale, URI portalLink, List<Document> attachments) {
    this(message, recoveryCase, creditor, stage, locale, portalLink, attachments,
        TemplateResolver.localeFallback().candidates(message.templateKey(), message.channel(), locale));
  }

  public OutboundMessage withAttachments(List<Document> attachments) {
    return new OutboundMessage(message, recoveryCase, creditor, stage, locale, portalLink, attachments,
        templateCandidates, stageChannels);
  }

  /** Empty when a part is missing, so that the canonical constructor names it. */
  private static List<ChannelType> defaultStageChannels(OutboxMessage message, RecoveryCase recoveryCase,
      Stage stage) {
    if (message == null || recoveryCase == null || stage == null) {
      return List.of();
    }
    return StageChannels.of(ChannelRouter.reachablePreferredFirst(), stage, recoveryCase.debtor(), message.channel());
  }

  /** The first candidate for which {@code exists} holds (e.g. a channel's template file is present). */
  public Optional<String> firstTemplate(Predicate<String> exists) {
    for (String candidate : templateCandidates) {
      if (exists.test(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    // the portal link carries a secret token: keep it out of logs
    return "OutboundMessage[" + message.idempotencyKey() + ", " + message.channel().code() + ", "
        + attachments.size() + " attachment(s)]";
  }
}
