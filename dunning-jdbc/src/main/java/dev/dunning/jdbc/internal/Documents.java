package dev.dunning.jdbc.internal;

import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.StoredDocument;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Documents with their bytes in one table; metadata is listed without loading content. */
public final class Documents {
  private final Tx tx;
  private final Statements sql;
  private final Clock clock;

  public Documents(Tx tx, Statements sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.clock = clock;
  }

  public StoredDocument put(String caseId, DocumentKind kind, Document document, Map<String, String> metadata) {
    StoredDocument stored = StoredDocument.of(UUID.randomUUID().toString(), caseId, kind, document, clock.instant(),
        metadata);
    return tx.write(sql.documentTable + ": put document for case " + caseId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.insertDocument)) {
        ps.setString(1, stored.id());
        ps.setString(2, stored.caseId());
        ps.setString(3, stored.kind().code());
        ps.setString(4, stored.filename());
        ps.setString(5, stored.mediaType());
        ps.setLong(6, stored.size());
        ps.setString(7, stored.sha256());
        Sql.setInstant(ps, 8, stored.createdAt());
        ps.setString(9, JsonCodec.writeMap(stored.metadata()));
        ps.setBytes(10, document.content());
        ps.executeUpdate();
      }
      return stored;
    });
  }

  public Optional<Document> content(String documentId) {
    return tx.read(sql.documentTable + ": content of document " + documentId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.documentContent)) {
        ps.setString(1, documentId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Document(rs.getString(1), rs.getString(2), rs.getBytes(3)))
              : Optional.empty();
        }
      }
    });
  }

  public List<StoredDocument> list(String caseId) {
    return tx.read(sql.documentTable + ": documents of case " + caseId, c -> {
      List<StoredDocument> documents = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.documentsOfCase)) {
        ps.setString(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            documents.add(read(rs));
          }
        }
      }
      return List.copyOf(documents);
    });
  }

  public boolean delete(String caseId, String documentId) {
    return tx.write(sql.documentTable + ": delete document " + documentId + " of case " + caseId, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.deleteDocument)) {
        ps.setString(1, documentId);
        ps.setString(2, caseId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private StoredDocument read(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    String kind = rs.getString(3);
    String metadata = rs.getString(9);
    String where = "document " + id;
    return new StoredDocument(id, rs.getString(2),
        CaseRows.column(sql.documentTable, "kind", where, () -> DocumentKind.fromCode(kind)), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getString(7), Sql.getInstant(rs, 8),
        CaseRows.column(sql.documentTable, "metadata", where, () -> JsonCodec.readMap(metadata, "metadata")));
  }
}
