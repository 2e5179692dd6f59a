package dev.dunning.testkit;

import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DocumentStore} that hands every call to another one: a test overrides the call it wants to
 * misbehave (a {@link #put} that fails or races) and keeps the rest real.
 */
public class ForwardingDocumentStore implements DocumentStore {
  protected final DocumentStore delegate;

  public ForwardingDocumentStore(DocumentStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
    return delegate.put(caseId, kind, document, metadata);
  }

  @Override
  public Optional<Document> content(String documentId) {
    return delegate.content(documentId);
  }

  @Override
  public List<StoredDocument> list(String caseId) {
    return delegate.list(caseId);
  }

  @Override
  public boolean delete(String caseId, String documentId) {
    return delegate.delete(caseId, documentId);
  }
}
