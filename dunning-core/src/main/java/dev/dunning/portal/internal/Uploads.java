package dev.dunning.portal.internal;

import dev.dunning.portal.PortalRequestException;
import dev.dunning.portal.Upload;
import dev.dunning.spi.Document;
import dev.dunning.spi.DocumentKind;
import dev.dunning.spi.DocumentStore;
import dev.dunning.spi.StoredDocument;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The debtor's files: checked by content before anything is stored, stored under a name made up
 * here, and deleted again when the action they came with is not written.
 */
public final class Uploads {
  private static final Set<FileType> PROOF_TYPES = EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final DocumentStore documents;
  private final Clock clock;
  private final long maxBytes;
  private final String uploadedBy;

  public Uploads(DocumentStore documents, Clock clock, long maxBytes, String uploadedBy) {
    this.documents = documents;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.uploadedBy = uploadedBy;
  }

  /** The verdict on an upload that may be stored; throws, naming {@code field}, for any other. */
  public FileInspector.Verdict inspect(String field, Upload file) {
    if (file == null) {
      throw new PortalRequestException(field, "file.missing", "choose a file");
    }
    FileInspector.Verdict v = FileInspector.inspect(file, maxBytes, PROOF_TYPES);
    if (!v.accepted()) {
      throw new PortalRequestException(field, v.code(), v.message());
    }
    return v;
  }

  /** Stores under a name we make up; the sender's name survives only as sanitised metadata. */
  public StoredDocument keep(String caseId, DocumentKind kind, String prefix, Upload file, FileInspector.Verdict v) {
    String name = prefix + "-" + STAMP.format(clock.instant()) + "-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "." + v.type().extension();
    return documents.put(caseId, kind, new Document(name, v.type().mediaType(), file.content()),
        Map.of("originalFilename", v.safeName(), "uploadedBy", uploadedBy));
  }

  /**
   * Deletes what an action stored (a portal action, a demand's approval) that was then not written;
   * a deletion that fails is added to {@code cause} as suppressed, and the others still go.
   */
  public static void discard(DocumentStore documents, String caseId, List<StoredDocument> stored,
      RuntimeException cause) {
    for (StoredDocument d : stored) {
      try {
        documents.delete(caseId, d.id());
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** How a stored upload is described on the timeline: what was kept, its hash, and the name it was sent as. */
  public static String describe(StoredDocument d, FileInspector.Verdict v) {
    return d.filename() + " (" + d.mediaType() + ", " + d.size() + " bytes, sha256 " + d.sha256() + ", sent as '"
        + v.safeName() + "')";
  }
}
