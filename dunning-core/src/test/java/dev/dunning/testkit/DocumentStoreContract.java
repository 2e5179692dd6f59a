package dev.dunning.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DocumentStore} must meet, as a JUnit 5 suite: extend it and return a
 * fresh, empty store from {@link #createStore()}. The in-memory and JDBC stores run it.
 *
 * @since 0.1
 */
public abstract class DocumentStoreContract {
  private static final byte[] PDF = "%PDF-1.7 mise en demeure – Müller".getBytes(StandardCharsets.UTF_8);

  protected DocumentStore store;

  /** A new, empty store (or one whose tables were emptied). */
  protected abstract DocumentStore createStore();

  @BeforeEach
  void freshStore() {
    store = createStore();
  }

  private StoredDocument put(String caseId, String filename) {
    return store.put(caseId, DocumentKind.PROOF_OF_PAYMENT, new Document(filename, Document.PDF, PDF),
        Map.of("originalFilename", "scan 12.pdf"));
  }

  @Test
  void aDocumentKeepsItsBytesAndMetadataUnderAGeneratedId() {
    StoredDocument stored = put("C-1", "proof.pdf");

    assertThat(stored.id()).isNotBlank().isNotEqualTo("proof.pdf");
    assertThat(stored.size()).isEqualTo(PDF.length);
    assertThat(stored.sha256()).hasSize(64);
    assertThat(stored.metadata()).containsEntry("originalFilename", "scan 12.pdf");
    assertThat(store.content(stored.id())).contains(new Document("proof.pdf", Document.PDF, PDF));
    assertThat(store.content("no-such-document")).isEmpty();
  }

  @Test
  void aCaseListsItsOwnDocumentsOldestFirst() {
    StoredDocument first = put("C-1", "a.pdf");
    StoredDocument second = put("C-1", "b.pdf");
    put("C-2", "c.pdf");

    assertThat(store.list("C-1")).containsExactly(first, second);
    assertThat(store.list("C-3")).isEmpty();
  }

  @Test
  void aDeletedDocumentIsGoneFromTheListAndItsContentWithIt() {
    StoredDocument kept = put("C-1", "a.pdf");
    StoredDocument deleted = put("C-1", "b.pdf");

    assertThat(store.delete("C-1", deleted.id())).isTrue();
    assertThat(store.list("C-1")).containsExactly(kept);
    assertThat(store.content(deleted.id())).isEmpty();
    assertThat(store.delete("C-1", deleted.id())).as("deleting twice").isFalse();
  }

  @Test
  void aDocumentIsDeletedOnlyThroughItsOwnCase() {
    StoredDocument other = put("C-2", "c.pdf");

    assertThat(store.delete("C-1", other.id())).isFalse();
    assertThat(store.list("C-2")).containsExactly(other);
    assertThat(store.content(other.id())).isPresent();
  }
}
