package dev.dunning.spi;

import dev.dunning.internal.Hashes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata of a document kept by a {@link DocumentStore}.
 *
 * @param id the store's generated id (never derived from a user-supplied name)
 * @param caseId the case it belongs to
 * @param kind what it is
 * @param filename a sanitised display name
 * @param mediaType the media type, as detected or rendered
 * @param size the size in bytes
 * @param sha256 the hex SHA-256 of the content, for evidence
 * @param createdAt when it was stored
 * @param metadata free key/values, e.g. {@code stageId}, {@code stageAttempt}, {@code originalFilename}
 * @since 0.1
 */
public record StoredDocument(String id, String caseId, DocumentKind kind, String filename, String mediaType,
    long size, String sha256, Instant createdAt, Map<String, String> metadata) {
  public StoredDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    metadata = Map.copyOf(Objects.requireNonNullElse(metadata, Map.of()));
  }

  /**
   * The metadata of {@code document} as a store keeps it: its name and type, its size and the hex
   * SHA-256 of its content. For {@link DocumentStore} implementations.
   */
  public static StoredDocument of(String id, String caseId, DocumentKind kind, Document document, Instant createdAt,
      Map<String, String> metadata) {
    return new StoredDocument(id, caseId, kind, document.filename(), document.mediaType(), document.content().length,
        Hashes.sha256Hex(document.content()), createdAt, metadata);
  }
}
