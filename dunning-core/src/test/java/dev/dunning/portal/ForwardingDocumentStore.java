package dev.dunning.portal;

import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store that hands everything to another; tests override {@link #put} to fail or race on purpose. */
public class ForwardingDocumentStore implements DocumentStore {
  private final DocumentStore target;

  public ForwardingDocumentStore(DocumentStore target) {
    this.target = target;
  }

  @Override
  public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
    return target.put(caseId, kind, document, metadata);
  }

  @Override
  public Optional<Document> content(String documentId) {
    return target.content(documentId);
  }

  @Override
  public List<StoredDocument> list(String caseId) {
    return target.list(caseId);
  }

  @Override
  public boolean delete(String caseId, String documentId) {
    return target.delete(caseId, documentId);
  }
}
