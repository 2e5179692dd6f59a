package dev.dunning.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the documents of cases: rendered letters, uploaded proofs, signed notices, invoice copies.
 * Implementations store content under a generated id, never under a name a user supplied.
 *
 * @since 0.1
 */
public interface DocumentStore {

  /** Stores {@code document} for {@code caseId} and returns its metadata. */
  StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata);

  /** The document with this id, or empty. */
  Optional<Document> content(String documentId);

  /** The metadata of a case's documents, oldest first. */
  List<StoredDocument> list(String caseId);
}
