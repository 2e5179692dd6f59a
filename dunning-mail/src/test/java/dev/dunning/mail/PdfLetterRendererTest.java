package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.pdfPages;
import static dev.dunning.mail.MailFixtures.pdfText;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.Document;
import dev.dunning.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PdfLetterRendererTest {
  private final PdfLetterRenderer renderer = PdfLetterRenderer.builder().clock(MutableClock.at(MailFixtures.START)).build();

  private Document formalNotice(Locale locale, String currency, String debtorName) {
    RecoveryCase c = recoveryCase(debtor(debtorName, locale).build(), "formal_notice",
        List.of(claim("F-2026-17", "1234.56", currency)));
    return renderer.render(message(c, "formal_notice", ChannelType.REGISTERED_LETTER, null, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "fr-BE; EUR; 1\u202F234,56\u00A0€; 5 mars 2026; Mise en demeure de payer",
      "nl-BE; EUR; €\u00A01.234,56; 5 maart 2026; Ingebrekestelling",
      "de-DE; EUR; 1.234,56\u00A0€; 5. März 2026; Letzte Mahnung",
      "en-GB; GBP; £1,234.56; 5 March 2026; Formal notice to pay"})
  void the_formal_notice_states_amount_and_deadline_as_the_debtor_writes_them(String tag, String currency,
      String amount, String deadline, String subject) {
    Document letter = formalNotice(Locale.forLanguageTag(tag), currency, "Łukasz Kőműves");

    String text = pdfText(letter.content());
    assertThat(letter.mediaType()).isEqualTo(Document.PDF);
    assertThat(letter.filename()).isEqualTo("formal_notice-C-1042-1.pdf");
    assertThat(text).contains(subject, amount, deadline, "F-2026-17", "Łukasz Kőműves", "Kerkstraat 12", "9000 Gent",
        "Acme SRL", "+32 2 555 01 01", "BE68539007547034", "C-1042");
  }

  @Test
  void the_amount_table_lists_fees_payments_and_the_total() {
    RecoveryCase c = recoveryCase(debtor("Marie Dupont", Locale.forLanguageTag("fr-BE")).build(), "formal_notice",
        List.of(claim("F-1", "1000.00", "EUR"), claim("F-2", "234.56", "EUR"))).toBuilder()
        .fees(Money.of("40.00", "EUR")).paid(Money.of("100.00", "EUR")).build();

    String text = pdfText(renderer.render(message(c, "formal_notice", ChannelType.REGISTERED_LETTER, null, List.of()))
        .content());

    assertThat(text).contains("Frais 40,00\u00A0€", "Déjà reçu -100,00\u00A0€", "Montant à payer 1\u202F174,56\u00A0€",
        "Conséquences en l'absence de paiement", "Le présent courrier vaut mise en demeure.");
  }

  @Test
  void a_cyrillic_reminder_prints_in_bulgarian() {
    RecoveryCase c = recoveryCase(debtor("Иван Петров", new Locale("bg", "BG")).build(), "reminder1",
        List.of(claim("Ф-15", "99.90", "EUR")));

    String text = pdfText(renderer.render(message(c, "reminder1", ChannelType.LETTER, null, List.of())).content());

    assertThat(text).contains("Напомняне за плащане", "Уважаеми Иван Петров", "Ф-15", "5 март 2026 г.");
  }

  @Test
  void a_name_outside_the_usual_european_scripts_prints_with_the_complete_font() {
    // Armenian and Georgian are in DejaVu Sans but not in the cut-down fonts most letters are set with
    Document letter = formalNotice(Locale.forLanguageTag("fr-BE"), "EUR", "Արամ Պետրոսյան – ნინო");

    assertThat(pdfText(letter.content())).contains("Արամ Պետրոսյան – ნინო", "Mise en demeure de payer",
        "1\u202F234,56\u00A0€");
  }

  @Test
  void a_character_no_font_has_prints_as_a_question_mark() {
    // DejaVu Sans has no CJK ideographs
    Document letter = formalNotice(Locale.forLanguageTag("fr-BE"), "EUR", "Marie \u6F22 Dupont");

    assertThat(pdfText(letter.content())).contains("Marie ? Dupont");
  }

  @Test
  void many_claims_run_over_several_pages_and_none_is_lost() {
    List<Claim> claims = new ArrayList<>();
    for (int i = 1; i <= 80; i++) {
      claims.add(claim("INV-" + (1000 + i), "10.00", "EUR"));
    }
    RecoveryCase c = recoveryCase(debtor("Bulk Buyer NV", Locale.forLanguageTag("nl-BE")).build(), "formal_notice", claims);

    Document letter = renderer.render(message(c, "formal_notice", ChannelType.REGISTERED_LETTER, null, List.of()));

    assertThat(pdfPages(letter.content())).isGreaterThan(1);
    String text = pdfText(letter.content());
    assertThat(text).contains("INV-1001", "INV-1080", "€\u00A0800,00", "1 / " + pdfPages(letter.content()));
  }

  @Test
  void a_right_window_letter_and_a_logo_render_too() throws Exception {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", png);
    dev.dunning.model.Creditor base = MailFixtures.creditor();
    dev.dunning.model.Creditor withLogo = new dev.dunning.model.Creditor(base.id(), base.name(), base.legalIds(),
        base.address(), new dev.dunning.model.Creditor.Letterhead("", "", "", png.toByteArray(), "#00AA00"),
        base.contactPhone(), base.contactEmail(), base.iban(), base.bic());
    RecoveryCase c = recoveryCase(debtor("Jean Martin", Locale.FRANCE).build(), "reminder1",
        List.of(claim("A-1", "50.00", "EUR")));
    var m = message(c, "reminder1", ChannelType.LETTER, null, List.of());
    m = new dev.dunning.spi.OutboundMessage(m.message(), c, withLogo, m.stage(), m.locale(), null, List.of());

    Document letter = PdfLetterRenderer.builder().rightWindow().clock(MutableClock.at(MailFixtures.START)).build()
        .render(m);

    assertThat(pdfText(letter.content())).contains("Rappel de paiement", "Jean Martin", "50,00\u00A0€");
  }

  @Test
  void the_same_message_rendered_again_the_same_day_gives_the_same_bytes() throws Exception {
    MutableClock clock = MutableClock.at(MailFixtures.START);
    PdfLetterRenderer renderer = PdfLetterRenderer.builder().clock(clock).build();
    RecoveryCase c = recoveryCase(debtor("Marie Dupont", Locale.forLanguageTag("fr-BE")).build(), "formal_notice",
        List.of(claim("F-1", "1000.00", "EUR")));
    var notice = message(c, "formal_notice", ChannelType.REGISTERED_LETTER, null, List.of());

    byte[] first = renderer.render(notice).content();
    Thread.sleep(5); // PDFBox seeded its document id with the current time
    clock.advance(java.time.Duration.ofHours(3));
    byte[] again = PdfLetterRenderer.builder().clock(clock).build().render(notice).content();

    assertThat(java.util.Arrays.equals(again, first)).as("the same bytes").isTrue();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(first)) {
      assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
          .isEqualTo(java.time.Instant.parse("2026-02-24T23:00:00Z")); // 25 February in Brussels, the letter's date
    }
  }
}
