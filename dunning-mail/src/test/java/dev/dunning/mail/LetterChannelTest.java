package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.model.ChannelType;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.Document;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import dev.dunning.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterChannelTest {
  @TempDir
  Path outgoing;

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  private OutboundMessage letter(String debtorName, byte[] pdf) {
    return message(recoveryCase(debtor(debtorName, Locale.FRANCE).build(), "reminder1",
        List.of(claim("A-1", "10.00", "EUR"))), "reminder1", ChannelType.LETTER, null,
        List.of(new Document("reminder1-C-1042-1.pdf", Document.PDF, pdf)));
  }

  @Test
  void a_letter_is_written_with_one_manifest_line_even_when_retried() throws Exception {
    LetterChannel channel = LetterChannel.toFolder(ChannelType.LETTER, outgoing, clock);
    byte[] pdf = "%PDF-1.7 letter".getBytes();

    Receipt first = channel.send(letter("Durand, \"Marie\"", pdf));
    clock.advanceDays(1);
    Receipt retry = channel.send(letter("Durand, \"Marie\"", pdf));

    assertThat(retry).isEqualTo(first);
    assertThat(Files.readAllBytes(outgoing.resolve(first.id()))).isEqualTo(pdf);
    List<String> manifest = Files.readAllLines(outgoing.resolve(LetterChannel.MANIFEST));
    assertThat(manifest).hasSize(2);
    assertThat(manifest.get(0)).isEqualTo("idempotency_key,case_id,channel,debtor_name,address,file_name,sha256,timestamp");
    assertThat(manifest.get(1)).startsWith("C-1042:reminder1:1:letter,C-1042,letter,\"Durand, \"\"Marie\"\"\",")
        .contains("Kerkstraat 12, 9000 Gent, BE", first.id(), "2026-02-25T10:00:00Z");
    try (var files = Files.list(outgoing)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void a_message_without_a_pdf_is_refused_permanently() {
    LetterChannel channel = LetterChannel.toFolder(ChannelType.REGISTERED_LETTER, outgoing, clock);
    OutboundMessage bare = letter("X", new byte[0]).withAttachments(List.of());

    assertThatThrownBy(() -> channel.send(bare)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.isPermanent()).isTrue()).hasMessageContaining("DocumentRenderer");
  }

  @Test
  void only_postal_types_are_accepted() {
    assertThatThrownBy(() -> LetterChannel.toFolder(ChannelType.EMAIL, outgoing, clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
  }

  @Test
  void a_retry_with_different_bytes_keeps_the_letter_already_handed_over_and_its_manifest_line() throws Exception {
    LetterChannel channel = LetterChannel.toFolder(ChannelType.LETTER, outgoing, clock);
    byte[] first = "%PDF-1.7 first rendering".getBytes();
    byte[] second = "%PDF-1.7 rendered again the next day".getBytes();

    Receipt handedOver = channel.send(letter("Durand, \"Marie\"", first));
    clock.advanceDays(1);
    Receipt retry = channel.send(letter("Durand, \"Marie\"", second));

    assertThat(retry.id()).isEqualTo(handedOver.id());
    assertThat(retry.detail()).startsWith(handedOver.detail()).contains("kept", sha256(second));
    assertThat(Files.readAllBytes(outgoing.resolve(handedOver.id()))).isEqualTo(first);
    List<String> manifest = Files.readAllLines(outgoing.resolve(LetterChannel.MANIFEST));
    assertThat(manifest).hasSize(2);
    assertThat(manifest.get(1)).contains(sha256(first), "2026-02-25T10:00:00Z").doesNotContain(sha256(second));
  }

  @Test
  void a_letter_the_provider_has_collected_is_not_written_again_on_a_retry() throws Exception {
    LetterChannel channel = LetterChannel.toFolder(ChannelType.LETTER, outgoing, clock);
    byte[] pdf = "%PDF-1.7 letter".getBytes();
    Receipt first = channel.send(letter("Marie Durand", pdf));
    Files.delete(outgoing.resolve(first.id())); // the print provider picked it up

    Receipt retry = channel.send(letter("Marie Durand", pdf));

    assertThat(retry).isEqualTo(first);
    assertThat(outgoing.resolve(first.id())).doesNotExist();
    assertThat(Files.readAllLines(outgoing.resolve(LetterChannel.MANIFEST))).hasSize(2);
  }

  @Test
  void a_file_left_without_its_manifest_line_by_a_crash_is_replaced_and_listed() throws Exception {
    LetterChannel channel = LetterChannel.toFolder(ChannelType.LETTER, outgoing, clock);
    OutboundMessage m = letter("Marie Durand", "%PDF-1.7 final".getBytes());
    String fileName = LetterChannel.fileName(m.message().idempotencyKey());
    Files.write(outgoing.resolve(fileName), "%PDF-1.7 half-writ".getBytes()); // written, then the process died

    Receipt receipt = channel.send(m);

    assertThat(Files.readAllBytes(outgoing.resolve(fileName))).isEqualTo("%PDF-1.7 final".getBytes());
    List<String> manifest = Files.readAllLines(outgoing.resolve(LetterChannel.MANIFEST));
    assertThat(manifest).hasSize(2);
    assertThat(manifest.get(1)).contains(fileName, sha256("%PDF-1.7 final".getBytes()));
    assertThat(receipt.detail()).isEqualTo("sha256 " + sha256("%PDF-1.7 final".getBytes()));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
