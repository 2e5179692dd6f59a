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
import dev.dunning.spi.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds or makes the documents a message carries: the stage's letter (a signed one a person
 * uploaded wins over rendering; a rendered one is stored once per stage attempt and reused by
 * every channel and retry) and, for e-mail, the case's invoice copies.
 */
public final class Letters {
  public static final String STAGE_ID = "stageId";
  public static final String STAGE_ATTEMPT = "stageAttempt";

  private final DocumentRenderer renderer;
  private final DocumentStore documents;

  /** Either may be {@code null}: no renderer means no letters; no store means letters are not kept. */
  public Letters(DocumentRenderer renderer, DocumentStore documents) {
    this.renderer = renderer;
    this.documents = documents;
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
    Optional<Document> existing = existing(stored, m, DocumentKind.SIGNED_LETTER, false)
        .or(() -> existing(stored, m, DocumentKind.LETTER, true));
    if (existing.isPresent()) {
      return existing.get();
    }
    Document rendered = renderer.render(outbound);
    StoredDocument kept = documents.put(m.caseId(), DocumentKind.LETTER, rendered, Map.of(
        STAGE_ID, m.stageId(), STAGE_ATTEMPT, Integer.toString(m.stageAttempt()), "messageKey", m.idempotencyKey()));
    events.add(new TimelineEvent(m.caseId(), now, EventType.DOCUMENT_STORED, Actor.SYSTEM, m.stageId(),
        "letter " + kept.filename() + " (" + kept.size() + " bytes, sha256 " + kept.sha256() + ")"));
    return rendered;
  }

  /** The newest document of {@code kind} for this message's stage (and attempt, if {@code sameAttempt}). */
  private Optional<Document> existing(List<StoredDocument> all, OutboxMessage m, DocumentKind kind,
      boolean sameAttempt) {
    for (int i = all.size() - 1; i >= 0; i--) {
      StoredDocument d = all.get(i);
      if (d.kind() == kind && m.stageId().equals(d.metadata().get(STAGE_ID))
          && (!sameAttempt || Integer.toString(m.stageAttempt()).equals(d.metadata().get(STAGE_ATTEMPT)))) {
        return documents.content(d.id());
      }
    }
    return Optional.empty();
  }
}
