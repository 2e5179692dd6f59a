package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.model.RecoveryCase;
import dev.dunning.testing.MutableClock;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/**
 * Where things are printed on the first page, read back from the PDF by area: the address must sit
 * in the window of the envelope the letter is folded into, or the post cannot deliver it.
 */
class LetterLayoutTest {
  /** A window envelope's window (DIN 5008 form B / DIN 680): 45 mm from the top, 45 mm high. */
  private static final Rectangle2D LEFT_WINDOW = mm(20, 45, 85, 45);
  /** The right-window variant (France, Belgium): 105 mm from the left edge, 100 mm wide. */
  private static final Rectangle2D RIGHT_WINDOW = mm(105, 45, 100, 45);
  /** The line under the window, right-aligned at the text's right margin. */
  private static final Rectangle2D PLACE_AND_DATE = mm(105, 92, 90, 8);

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  private static Rectangle2D mm(float x, float y, float width, float height) {
    float pt = 72f / 25.4f;
    return new Rectangle2D.Float(x * pt, y * pt, width * pt, height * pt);
  }

  private byte[] reminderLetter(PdfLetterRenderer renderer) {
    RecoveryCase c = recoveryCase(debtor("Jean Martin", Locale.forLanguageTag("fr-BE")).build(), "reminder1",
        List.of(claim("A-1", "50.00", "EUR")));
    return renderer.render(message(c, "reminder1", ChannelType.LETTER, null, List.of())).content();
  }

  private static String textIn(byte[] pdf, Rectangle2D area) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripperByArea stripper = new PDFTextStripperByArea();
      stripper.setSortByPosition(true);
      stripper.addRegion("area", area);
      stripper.extractRegions(doc.getPage(0));
      return stripper.getTextForRegion("area");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void the_address_is_in_the_left_window_by_default() {
    byte[] pdf = reminderLetter(PdfLetterRenderer.builder().clock(clock).build());

    assertThat(textIn(pdf, LEFT_WINDOW)).contains("Jean Martin", "Kerkstraat 12", "9000 Gent",
        "Acme SRL · Rue de la Loi 16, 1000 Bruxelles, BE");
    assertThat(textIn(pdf, RIGHT_WINDOW)).doesNotContain("Jean Martin", "9000 Gent");
  }

  @Test
  void the_address_is_in_the_right_window_when_asked() {
    byte[] pdf = reminderLetter(PdfLetterRenderer.builder().rightWindow().clock(clock).build());

    assertThat(textIn(pdf, RIGHT_WINDOW)).contains("Jean Martin", "Kerkstraat 12", "9000 Gent");
    assertThat(textIn(pdf, LEFT_WINDOW)).doesNotContain("Jean Martin", "9000 Gent");
  }

  @Test
  void place_and_date_are_printed_under_the_window_in_the_debtors_language() {
    byte[] pdf = reminderLetter(PdfLetterRenderer.builder().clock(clock).build());

    assertThat(textIn(pdf, PLACE_AND_DATE).strip()).isEqualTo("Bruxelles, 25 février 2026");
  }
}
