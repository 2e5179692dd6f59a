package dev.dunning.memory;

import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link DocumentStore} in memory, for tests and demos.
 *
 * @since 0.1
 */
public final class InMemoryDocumentStore implements DocumentStore {
  private final Clock clock;
  private final Map<String, Document> contents = new ConcurrentHashMap<>();
  private final Map<String, List<StoredDocument>> byCase = new ConcurrentHashMap<>();

  public InMemoryDocumentStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
    String id = UUID.randomUUID().toString();
    StoredDocument stored = StoredDocument.of(id, caseId, kind, document, clock.instant(), metadata);
    contents.put(id, new Document(document.filename(), document.mediaType(), document.content().clone()));
    byCase.compute(caseId, (k, list) -> {
      List<StoredDocument> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
      next.add(stored);
      return List.copyOf(next);
    });
    return stored;
  }

  @Override
  public Optional<Document> content(String documentId) {
    return Optional.ofNullable(contents.get(documentId));
  }

  @Override
  public List<StoredDocument> list(String caseId) {
    return byCase.getOrDefault(caseId, List.of());
  }

  @Override
  public boolean delete(String caseId, String documentId) {
    boolean[] removed = {false};
    byCase.computeIfPresent(caseId, (k, list) -> {
      List<StoredDocument> next = list.stream().filter(d -> !d.id().equals(documentId)).toList();
      removed[0] = next.size() < list.size();
      return next.isEmpty() ? null : next;
    });
    if (removed[0]) {
      contents.remove(documentId);
    }
    return removed[0];
  }
}
