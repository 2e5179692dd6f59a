package dev.dunning.jdbc;

import dev.dunning.jdbc.internal.Documents;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DocumentStore} in the same database as a {@link JdbcCaseStore}: metadata and bytes in
 * the {@code <prefix>document} table, under generated ids. Obtain one from
 * {@link JdbcCaseStore#documentStore(java.time.Clock)}. Listing a case's documents does not load
 * their content; documents are meant for letters and uploads (kilobytes to a few megabytes).
 *
 * @since 0.1
 */
public final class JdbcDocumentStore implements DocumentStore {
  private final Documents documents;

  JdbcDocumentStore(Documents documents) {
    this.documents = documents;
  }

  @Override
  public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
    return documents.put(caseId, kind, document, metadata);
  }

  @Override
  public Optional<Document> content(String documentId) {
    return documents.content(documentId);
  }

  @Override
  public List<StoredDocument> list(String caseId) {
    return documents.list(caseId);
  }

  @Override
  public boolean delete(String caseId, String documentId) {
    return documents.delete(caseId, documentId);
  }
}
