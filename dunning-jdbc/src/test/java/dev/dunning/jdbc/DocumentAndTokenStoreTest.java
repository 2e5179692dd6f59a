package dev.dunning.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.jdbc.support.EachDatabase;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.PortalToken;
import dev.dunning.spi.StoredDocument;
import dev.dunning.testing.MutableClock;
import dev.dunning.testkit.CaseFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentAndTokenStoreTest extends EachDatabase {
  private final MutableClock clock = MutableClock.at(CaseFixtures.T0);
  private JdbcCaseStore store;

  @BeforeEach
  void freshDatabase() {
    store = db.storeBuilder().build();
  }

  @Test
  void aDocumentKeepsItsBytesMetadataAndHashAndListsOldestFirst() {
    JdbcDocumentStore documents = store.documentStore(clock);
    byte[] pdf = "%PDF-1.7 mise en demeure – Müller".getBytes(StandardCharsets.UTF_8);

    StoredDocument first = documents.put("C-1", DocumentKind.SIGNED_LETTER, new Document("notice.pdf", Document.PDF, pdf),
        Map.of("stageId", "formal_notice", "originalFilename", "scan 12.pdf"));
    clock.advance(Duration.ofMinutes(1));
    StoredDocument second = documents.put("C-1", DocumentKind.PROOF_OF_PAYMENT,
        new Document("proof.png", "image/png", new byte[] {1, 2, 3}), Map.of());

    assertThat(documents.content(first.id())).contains(new Document("notice.pdf", Document.PDF, pdf));
    assertThat(documents.list("C-1")).containsExactly(first, second);
    assertThat(first.sha256()).hasSize(64);
    assertThat(first.createdAt()).isEqualTo(CaseFixtures.T0);
    assertThat(documents.list("C-2")).isEmpty();
    assertThat(documents.content("nope")).isEmpty();
  }

  @Test
  void aTokenIsFoundByHashRevokedOnceAndNeverStoredTwice() {
    JdbcPortalTokenStore tokens = store.portalTokenStore();
    PortalToken token = new PortalToken("a".repeat(64), "C-1", "acme", CaseFixtures.T0,
        CaseFixtures.T0.plus(Duration.ofDays(60)), null);
    tokens.save(token);

    assertThat(tokens.findByHash("a".repeat(64))).contains(token);
    assertThatThrownBy(() -> tokens.save(token)).isInstanceOf(IllegalStateException.class);
    assertThat(tokens.revokeForCase("C-1", CaseFixtures.T0.plusSeconds(5))).isEqualTo(1);
    assertThat(tokens.revokeForCase("C-1", CaseFixtures.T0.plusSeconds(9))).isZero();
    assertThat(tokens.findByHash("a".repeat(64)).orElseThrow().revokedAt()).isEqualTo(CaseFixtures.T0.plusSeconds(5));
    assertThat(tokens.findByHash("b")).isEmpty();
  }
}
