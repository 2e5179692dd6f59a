package dev.dunning.spi;

import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.StageKind;
import dev.dunning.policy.TemplateResolver;
import java.util.List;

/**
 * Renders the letter of a message (the formal notice, a printed reminder), e.g. as PDF. The engine
 * asks for it when {@link #appliesTo} holds, stores it once per stage attempt through the
 * {@link DocumentStore}, and attaches it to every message of that stage attempt. A message with a
 * portal link is the exception: its letter is rendered for it with its own link, and the stored copy
 * once more with the link {@linkplain PortalLinkIssuer#redacted redacted}, so no live token is kept
 * at rest. Rendering should therefore depend only on the message.
 *
 * @since 0.1
 */
public interface DocumentRenderer {

  /** Renders the letter for {@code message} (its {@code attachments} are empty at this point). */
  Document render(OutboundMessage message);

  /** Whether messages of this stage kind on this channel carry a letter: by default formal notices and postal channels. */
  default boolean appliesTo(StageKind stageKind, ChannelType channel) {
    return stageKind == StageKind.FORMAL_NOTICE || channel.isPostal();
  }

  /** Problems with rendering {@code playbook}'s letters (e.g. a missing template), checked when the engine is built. */
  default List<String> validate(Playbook playbook, TemplateResolver resolver) {
    return List.of();
  }
}
