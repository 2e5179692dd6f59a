package dev.dunning.mail;

import dev.dunning.mail.internal.Manifest;
import dev.dunning.mail.internal.MessageModel;
import dev.dunning.mail.internal.Sha256;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Debtor;
import dev.dunning.spi.Channel;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.Document;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts letters by handing them to a print shop or registered-mail provider through a folder:
 * each letter's PDF (the one the engine attached: rendered, or signed and uploaded by a person) is
 * written to the outgoing folder, and a line is added to {@code manifest.csv} there (idempotency
 * key, case id, channel, debtor name, address, file name, SHA-256, timestamp). Register one
 * instance per type, {@link ChannelType#LETTER} and {@link ChannelType#REGISTERED_LETTER},
 * each with its own folder.
 *
 * <p>Idempotent per message: the manifest is the record of what was handed over, and a key's
 * line and file are written once, together, under the manifest's lock. Once a key has its line,
 * its file is never written again — the provider may have collected or printed it — so a retry
 * is a no-op: with the same bytes silently, with different bytes (a letter rendered again on
 * another day, without a {@code DocumentStore} to keep the first rendering) the first letter is
 * kept, the receipt says so and names both SHA-256s, and a WARN is logged. The file and its
 * manifest line therefore always agree. A file left without its line by a crash is replaced.
 * Files are written to a temporary name and moved into place, so a collector never sees half a PDF.
 *
 * @since 0.1
 */
public final class LetterChannel implements Channel {
  private static final Logger LOG = LoggerFactory.getLogger(LetterChannel.class);
  /** The manifest's name in the outgoing folder. */
  public static final String MANIFEST = "manifest.csv";

  private final ChannelType type;
  private final Path folder;
  private final Clock clock;
  private final Manifest manifest;

  private LetterChannel(ChannelType type, Path folder, Clock clock) {
    this.type = type;
    this.folder = folder;
    this.clock = clock;
    this.manifest = new Manifest(folder.resolve(MANIFEST));
  }

  /**
   * A channel writing letters of {@code type} (LETTER or REGISTERED_LETTER) to {@code folder},
   * created if missing; {@code clock} stamps the manifest lines.
   */
  public static LetterChannel toFolder(ChannelType type, Path folder, Clock clock) {
    Objects.requireNonNull(type, "type");
    if (!type.isPostal()) {
      throw new IllegalArgumentException("type must be LETTER or REGISTERED_LETTER, was " + type.code());
    }
    Objects.requireNonNull(folder, "folder");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalArgumentException("folder: cannot create " + folder + ": " + e.getMessage(), e);
    }
    return new LetterChannel(type, folder, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public ChannelType type() {
    return type;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public Receipt send(OutboundMessage message) throws DeliveryException {
    Document pdf = message.attachments().stream().filter(d -> Document.PDF.equals(d.mediaType())).findFirst()
        .orElseThrow(() -> DeliveryException.permanent("no PDF letter attached to " + message.message().idempotencyKey()
            + ": register a DocumentRenderer (e.g. PdfLetterRenderer) with the engine", null));
    Debtor debtor = message.recoveryCase().debtor();
    if (debtor.address() == null || !debtor.address().isComplete()) {
      throw DeliveryException.permanent("debtor.address is missing or incomplete (street, postcode, city, country)", null);
    }
    String key = message.message().idempotencyKey();
    String sha256 = Sha256.hex(pdf.content());
    String fileName = fileName(key);
    Path target = folder.resolve(fileName);
    Optional<List<String>> handedOver;
    try {
      handedOver = manifest.appendOnce(List.of(key, message.recoveryCase().id(), type.code(), debtor.name(),
          debtor.name() + ", " + MessageModel.oneLine(debtor.address()), fileName, sha256, clock.instant().toString()),
          () -> write(target, pdf.content()));
    } catch (IOException e) {
      throw DeliveryException.retryable("cannot write the letter to " + folder + ": " + e, e);
    }
    if (handedOver.isEmpty() || handedOver.get().get(Manifest.SHA256).equals(sha256)) {
      return new Receipt(fileName, "sha256 " + sha256);
    }
    // the provider may have collected or printed the first file already: it stays the letter of record
    List<String> first = handedOver.get();
    LOG.warn("letter {} was handed over at {} as {} (sha256 {}); this attempt's different PDF (sha256 {}) was not"
        + " written", key, first.get(Manifest.TIMESTAMP), first.get(Manifest.FILE_NAME), first.get(Manifest.SHA256),
        sha256);
    return new Receipt(first.get(Manifest.FILE_NAME), "sha256 " + first.get(Manifest.SHA256) + "; kept the letter handed"
        + " over at " + first.get(Manifest.TIMESTAMP) + ", this attempt's different PDF (sha256 " + sha256
        + ") was not written");
  }

  /** Writes to a temporary name and moves it into place, so a collector never sees half a PDF. */
  private void write(Path target, byte[] content) throws IOException {
    Path temp = Files.createTempFile(folder, ".letter-", ".part");
    try {
      Files.write(temp, content);
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A readable, file-system-safe name that is unique per key: the sanitised key plus a hash of it. */
  static String fileName(String idempotencyKey) {
    String readable = idempotencyKey.replaceAll("[^A-Za-z0-9._-]", "_");
    if (readable.length() > 100) {
      readable = readable.substring(0, 100);
    }
    return readable + "-" + Sha256.hex(idempotencyKey.getBytes(StandardCharsets.UTF_8)).substring(0, 8) + ".pdf";
  }

  @Override
  public String toString() {
    return "LetterChannel[" + type.code() + ", " + folder + "]";
  }
}
