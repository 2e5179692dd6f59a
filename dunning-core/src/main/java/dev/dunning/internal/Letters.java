package dev.dunning.internal;

import dev.dunning.model.Actor;
import dev.dunning.model.ChannelType;
import dev.dunning.model.EventType;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentRenderer;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.PortalLinkIssuer;
import dev.dunning.spi.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds or makes the documents a message carries: the stage's letter (a signed one a person
 * uploaded wins over rendering; a rendered one is stored once per stage attempt and reused by
 * every channel and retry) and, for e-mail, the case's invoice copies.
 *
 * <p>A letter with a portal link is the exception to reuse: the stored copy is rendered a second
 * time with the link {@linkplain PortalLinkIssuer#redacted redacted}, because documents are kept at
 * rest (in memory, a database table) where a live token must not be, and every message sends a copy
 * rendered with the link of its own delivery attempt.
 */
public final class Letters {
  public static final String STAGE_ID = "stageId";
  public static final String STAGE_ATTEMPT = "stageAttempt";
  /** Metadata of a stored letter whose portal link was redacted: {@code "redacted"}. */
  public static final String PORTAL_LINK = "portalLink";
  private static final String REDACTED = "redacted";

  private final DocumentRenderer renderer;
  private final DocumentStore documents;
  private final PortalLinkIssuer links;

  /** Either may be {@code null}: no renderer means no letters; no store means letters are not kept. */
  public Letters(DocumentRenderer renderer, DocumentStore documents, PortalLinkIssuer links) {
    this.renderer = renderer;
    this.documents = documents;
    this.links = links;
  }

  public List<Document> attachmentsFor(OutboundMessage outbound, Instant now, List<TimelineEvent> events) {
    OutboxMessage m = outbound.message();
    boolean letter = renderer != null && renderer.appliesTo(m.stageKind(), m.channel());
    boolean copies = documents != null && (m.channel() == ChannelType.EMAIL || m.channel() == ChannelType.REGISTERED_EMAIL);
    if (!letter && !copies) {
      return List.of();
    }
    // one listing per message serves the signed-letter, rendered-letter and invoice-copy look-ups
    List<StoredDocument> stored = documents == null ? List.of() : documents.list(m.caseId());
    List<Document> attachments = new ArrayList<>();
    if (letter) {
      attachments.add(letter(outbound, stored, now, events));
    }
    if (copies) {
      for (StoredDocument d : stored) {
        if (d.kind() == DocumentKind.INVOICE_COPY) {
          documents.content(d.id()).ifPresent(attachments::add);
        }
      }
    }
    return attachments;
  }

  private Document letter(OutboundMessage outbound, List<StoredDocument> stored, Instant now,
      List<TimelineEvent> events) {
    OutboxMessage m = outbound.message();
    if (documents == null) {
      return renderer.render(outbound);
    }
    Optional<Document> signed = existing(stored, m, DocumentKind.SIGNED_LETTER, false)
        .flatMap(d -> documents.content(d.id()));
    if (signed.isPresent()) {
      return signed.get();
    }
    Optional<StoredDocument> kept = existing(stored, m, DocumentKind.LETTER, true);
    if (kept.isPresent()) {
      if (REDACTED.equals(kept.get().metadata().get(PORTAL_LINK)) && outbound.portalLink() != null) {
        return renderer.render(outbound); // a redacted copy is no letter to send: this one gets its own link
      }
      Optional<Document> content = documents.content(kept.get().id());
      if (content.isPresent()) {
        return content.get();
      }
    }
    Document rendered = renderer.render(outbound);
    Document archived = rendered;
    Map<String, String> metadata = new HashMap<>(Map.of(STAGE_ID, m.stageId(),
        STAGE_ATTEMPT, Integer.toString(m.stageAttempt()), "messageKey", m.idempotencyKey()));
    if (outbound.portalLink() != null) {
      archived = renderer.render(new OutboundMessage(m, outbound.recoveryCase(), outbound.creditor(), outbound.stage(),
          outbound.locale(), links.redacted(outbound.recoveryCase(), outbound.portalLink()), outbound.attachments(),
          outbound.templateCandidates(), outbound.stageChannels()));
      metadata.put(PORTAL_LINK, REDACTED);
    }
    StoredDocument put = documents.put(m.caseId(), DocumentKind.LETTER, archived, metadata);
    events.add(new TimelineEvent(m.caseId(), now, EventType.DOCUMENT_STORED, Actor.SYSTEM, m.stageId(),
        "letter " + put.filename() + " (" + put.size() + " bytes, sha256 " + put.sha256() + ")"
            + (archived == rendered ? "" : ", kept with the portal link redacted; each message sent has its own")));
    return rendered;
  }

  /** The newest document of {@code kind} for this message's stage (and attempt, if {@code sameAttempt}). */
  private static Optional<StoredDocument> existing(List<StoredDocument> all, OutboxMessage m, DocumentKind kind,
      boolean sameAttempt) {
    for (int i = all.size() - 1; i >= 0; i--) {
      StoredDocument d = all.get(i);
      if (d.kind() == kind && m.stageId().equals(d.metadata().get(STAGE_ID))
          && (!sameAttempt || Integer.toString(m.stageAttempt()).equals(d.metadata().get(STAGE_ATTEMPT)))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
