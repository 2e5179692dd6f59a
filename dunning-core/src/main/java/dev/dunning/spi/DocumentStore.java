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

  /**
   * Removes a document of {@code caseId}, content and metadata; a document id of another case
   * removes nothing. Dunning calls this only to take back what an action stored when the action's
   * own write then failed (an upload to a case that closed meanwhile), so that nothing is kept for
   * an action that did not happen; documents are otherwise evidence and never deleted.
   *
   * <p>The default removes nothing and returns {@code false}: such a store keeps the orphan, which
   * no case event refers to.
   *
   * @return whether a document was removed
   */
  default boolean delete(String caseId, String documentId) {
    return false;
  }
}
