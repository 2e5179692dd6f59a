package dev.dunning.mail.internal;

import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.spi.OutboundMessage;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out one letter on A4 after DIN 5008 form B: letterhead on top, the recipient in the
 * envelope window (left or right), place and date, reference and subject, the body with the table
 * of claims, page breaks with the table header repeated, and a footer with the creditor's legal
 * ids and bank details on every page. Fold marks at 105 and 210 mm, hole mark at 148.5 mm.
 */
public final class LetterPdf {
  private static final float LEFT = 25f;
  private static final float RIGHT = 190f;
  private static final float WIDTH = RIGHT - LEFT;
  private static final float BOTTOM = 270f;
  private static final float BODY_SIZE = 10f;
  private static final float LINE = 5f;
  private static final Color TEXT = new Color(0x22, 0x22, 0x22);
  private static final Color GREY = new Color(0x66, 0x66, 0x66);
  private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  /** Where the recipient's address goes: the x of the window's left edge; both windows are 45 mm from the top. */
  public enum Window {
    /** DIN 5008 form B / DIN 680 C5/6 and DL left window: 20 mm from the left edge, 45 mm from the top, 85 × 45 mm. */
    LEFT(20f),
    /** Right-window C5/6 and DL envelopes (France, Belgium): window 100 × 45 mm, 20 mm from the envelope's right edge. */
    RIGHT(105f);

    final float x;

    Window(float x) {
      this.x = x;
    }
  }

  private final PdfFonts fonts;

  public LetterPdf(PdfFonts fonts) {
    this.fonts = fonts;
  }

  /** The letter as PDF; {@code formats} (for the debtor's locale) is used by this rendering only. */
  public byte[] render(OutboundMessage m, LetterMarkup letter, LocalDate today, Window window, Formats formats) {
    try {
      return render(m, letter, today, window, formats, false);
    } catch (PdfCanvas.MissingGlyph e) {
      // a character outside the cut-down fonts' blocks: set the letter again with the complete fonts
      return render(m, letter, today, window, formats, true);
    }
  }

  private byte[] render(OutboundMessage m, LetterMarkup letter, LocalDate today, Window window, Formats formats,
      boolean complete) {
    PdfFonts.Pair pair = complete ? fonts.borrowFull() : fonts.borrowLetterSet();
    try (PDDocument doc = new PDDocument()) {
      PDFont regular = PDType0Font.load(doc, pair.regular(), true);
      PDFont bold = PDType0Font.load(doc, pair.bold(), true);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(letter.subject());
      info.setAuthor(m.creditor().name());
      info.setProducer("Dunning");
      identify(doc, m, today);
      new Writer(doc, regular, bold, m, letter, today, window, formats, !complete).write();
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the letter for " + m.message().idempotencyKey(), e);
    } finally {
      fonts.release(pair);
    }
  }

  /**
   * Makes the same message rendered on the same day give the same bytes, so a retry that renders
   * it again hands a print provider an identical file: the creation date is the date the letter
   * bears (not the instant it was rendered), and the file identifier, which PDFBox would otherwise
   * seed with the current time, is derived from the message's idempotency key and that date.
   */
  private static void identify(PDDocument doc, OutboundMessage m, LocalDate today) {
    doc.getDocumentInformation().getCOSObject().setString(COSName.CREATION_DATE,
        pdfDate(today.atStartOfDay(m.recoveryCase().debtor().timeZone())));
    byte[] id = Arrays.copyOf(Sha256.of(m.message().idempotencyKey() + "\n" + today), 16);
    // ISO 32000-1 §14.4: a permanent and a changing identifier, the same for a document's first version
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /**
   * {@code D:20260225000000+01'00'} (ISO 32000-1 §7.9.4), written here because PDFBox's
   * {@code setCreationDate} builds a {@code SimpleDateFormat} for every document to print the offset.
   */
  static String pdfDate(ZonedDateTime at) {
    int offset = at.getOffset().getTotalSeconds();
    int minutes = Math.abs(offset) / 60;
    return "D:" + PDF_DATE.format(at) + (offset < 0 ? '-' : '+') + two(minutes / 60) + "'" + two(minutes % 60) + "'";
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** The state of one rendering: the cursor and the page it is on. */
  private static final class Writer {
    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final OutboundMessage m;
    private final LetterMarkup letter;
    private final LocalDate today;
    private final Window window;
    private final Formats formats;
    private final Color accent;
    private final PdfCanvas canvas;
    private float y;
    private List<String> tableHeaders;
    /** Whether claim rows are being written, so a page break repeats the table header. */
    private boolean inTable;

    Writer(PDDocument doc, PDFont regular, PDFont bold, OutboundMessage m, LetterMarkup letter, LocalDate today,
        Window window, Formats formats, boolean stopAtMissingGlyph) {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      this.m = m;
      this.letter = letter;
      this.today = today;
      this.window = window;
      this.formats = formats;
      this.accent = Color.decode(HtmlText.safeColor(m.creditor().letterhead().accentColor()));
      this.canvas = new PdfCanvas(doc, stopAtMissingGlyph);
    }

    void write() throws IOException {
      canvas.newPage();
      letterhead();
      addressWindow();
      canvas.textRight(regular, 9, TEXT, RIGHT, 98, placeAndDate());
      y = 104;
      if (!letter.reference().isEmpty()) {
        for (String line : canvas.wrap(regular, 8.5f, letter.reference(), WIDTH)) {
          canvas.text(regular, 8.5f, GREY, LEFT, y, line);
          y += 4.5f;
        }
      }
      y += 4;
      if (!letter.subject().isEmpty()) {
        for (String line : canvas.wrap(bold, 12, letter.subject(), WIDTH)) {
          canvas.text(bold, 12, TEXT, LEFT, y, line);
          y += 6;
        }
      }
      y += 4;
      for (LetterMarkup.Block block : letter.blocks()) {
        if (block instanceof LetterMarkup.Paragraph p) {
          paragraph(p);
        } else if (block instanceof LetterMarkup.Heading h) {
          ensure(LINE * 3);
          canvas.text(bold, 10.5f, accent, LEFT, y, h.text());
          y += LINE + 0.5f;
        } else if (block instanceof LetterMarkup.ClaimsTable t) {
          table(t.headers());
        } else if (block instanceof LetterMarkup.TotalRow r) {
          total(r);
        }
      }
      footers();
      canvas.close();
    }

    private void letterhead() throws IOException {
      Creditor c = m.creditor();
      float textRight = RIGHT;
      byte[] logo = c.letterhead().logoPng();
      if (logo != null && logo.length > 0) {
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, logo, "logo.png");
        float h = 18f;
        float w = Math.min(45f, h * image.getWidth() / Math.max(1, image.getHeight()));
        canvas.image(image, RIGHT - w, 12, w, h);
        textRight = RIGHT - w - 5;
      }
      canvas.text(bold, 15, accent, LEFT, 20, c.name());
      float ty = 25.5f;
      if (!c.letterhead().tagline().isBlank()) {
        canvas.text(regular, 9, GREY, LEFT, ty, c.letterhead().tagline());
        ty += 4.5f;
      }
      List<String> contact = new ArrayList<>();
      contact.add(MessageModel.oneLine(c.address()));
      add(contact, c.contactPhone());
      add(contact, c.contactEmail());
      add(contact, c.letterhead().website());
      for (String line : canvas.wrap(regular, 8, String.join(" · ", contact), textRight - LEFT)) {
        canvas.text(regular, 8, GREY, LEFT, ty, line);
        ty += 4;
      }
      canvas.line(accent, 1.2f, LEFT, 38, RIGHT, 38);
      // fold marks for a DL envelope and the hole-punch mark, in the left margin
      canvas.line(GREY, 0.4f, 4, 105, 8, 105);
      canvas.line(GREY, 0.4f, 4, 210, 8, 210);
      canvas.line(GREY, 0.4f, 4, 148.5f, 10, 148.5f);
    }

    private void addressWindow() throws IOException {
      Creditor c = m.creditor();
      float x = window.x + 5;
      // the return address (5 mm zone at the top of the window) lets the post return undeliverable letters
      String back = c.name() + " · " + MessageModel.oneLine(c.address());
      String backLine = canvas.wrap(regular, 6.5f, back, 80).get(0);
      canvas.text(regular, 6.5f, GREY, x, 51, backLine);
      canvas.line(GREY, 0.3f, x, 52, x + Math.min(80, canvas.width(regular, 6.5f, backLine)), 52);
      Debtor d = m.recoveryCase().debtor();
      float ay = 62.7f + 4;
      List<String> lines = new ArrayList<>();
      lines.add(d.name());
      PostalAddress a = d.address();
      if (a != null) {
        lines.addAll(a.lines());
        lines.add((a.postcode() + " " + a.city()).strip() + (a.region().isBlank() ? "" : " " + a.region()));
        if (!a.countryCode().isBlank() && !a.countryCode().equalsIgnoreCase(c.address().countryCode())) {
          // the Universal Postal Union asks for the destination country in capitals, last line
          lines.add(new Locale("", a.countryCode()).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
        }
      }
      for (String line : lines.subList(0, Math.min(lines.size(), 6))) {
        canvas.text(regular, 10, TEXT, x, ay, canvas.wrap(regular, 10, line, 80).get(0));
        ay += 4.3f;
      }
    }

    private String placeAndDate() {
      String city = m.creditor().address().city();
      String date = formats.date(today);
      return city.isBlank() ? date : city + ", " + date;
    }

    private void paragraph(LetterMarkup.Paragraph p) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String raw : p.lines()) {
        lines.addAll(canvas.wrap(regular, BODY_SIZE, raw, WIDTH));
      }
      // keep short paragraphs (e.g. the signature) together on one page
      ensure(lines.size() <= 6 ? lines.size() * LINE : 2 * LINE);
      for (String line : lines) {
        ensure(LINE);
        canvas.text(regular, BODY_SIZE, TEXT, LEFT, y, line);
        y += LINE;
      }
      y += LINE * 0.6f;
    }

    private static final float[] COLUMNS = {LEFT, LEFT + 50, LEFT + 90, RIGHT};

    private void table(List<String> headers) throws IOException {
      tableHeaders = headers;
      ensure(LINE * 3);
      tableHeader();
      RecoveryCase c = m.recoveryCase();
      inTable = true;
      for (Claim claim : c.claims()) {
        ensure(LINE);
        canvas.text(regular, 9.5f, TEXT, COLUMNS[0], y, fit(claim.invoiceNumber(), 48));
        canvas.text(regular, 9.5f, TEXT, COLUMNS[1], y, formats.date(claim.issueDate()));
        canvas.text(regular, 9.5f, TEXT, COLUMNS[2], y, formats.date(claim.dueDate()));
        canvas.textRight(regular, 9.5f, TEXT, COLUMNS[3], y, formats.money(claim.openBalance()));
        y += LINE;
      }
      inTable = false;
      canvas.line(GREY, 0.4f, LEFT, y - 3.2f, RIGHT, y - 3.2f);
      y += 1;
    }

    private void tableHeader() throws IOException {
      canvas.text(bold, 9, accent, COLUMNS[0], y, tableHeaders.get(0));
      canvas.text(bold, 9, accent, COLUMNS[1], y, tableHeaders.get(1));
      canvas.text(bold, 9, accent, COLUMNS[2], y, tableHeaders.get(2));
      canvas.textRight(bold, 9, accent, COLUMNS[3], y, tableHeaders.get(3));
      canvas.line(accent, 0.6f, LEFT, y + 1.5f, RIGHT, y + 1.5f);
      y += LINE + 0.5f;
    }

    private void total(LetterMarkup.TotalRow row) throws IOException {
      RecoveryCase c = m.recoveryCase();
      Money amount = switch (row.kind()) {
        case FEES -> c.fees();
        case PAID -> c.paid();
        case TOTAL -> m.message().amountDue();
      };
      if (row.kind() != LetterMarkup.TotalRow.Kind.TOTAL && amount.isZero()) {
        return;
      }
      boolean total = row.kind() == LetterMarkup.TotalRow.Kind.TOTAL;
      ensure(LINE);
      PDFont font = total ? bold : regular;
      String shown = row.kind() == LetterMarkup.TotalRow.Kind.PAID ? formats.money(amount.negate()) : formats.money(amount);
      canvas.text(font, 9.5f, TEXT, COLUMNS[1], y, row.label());
      canvas.textRight(font, 9.5f, TEXT, COLUMNS[3], y, shown);
      y += total ? LINE + 3 : LINE;
    }

    private String fit(String text, float maxMm) throws IOException {
      List<String> lines = canvas.wrap(regular, 9.5f, text, maxMm);
      return lines.isEmpty() ? "" : lines.get(0);
    }

    /** Starts a new page unless {@code height} mm still fit above the footer. */
    private void ensure(float height) throws IOException {
      if (y + height <= BOTTOM) {
        return;
      }
      canvas.newPage();
      String running = m.creditor().name() + (letter.reference().isEmpty() ? "" : " · " + letter.reference());
      canvas.text(regular, 8, GREY, LEFT, 15, canvas.wrap(regular, 8, running, WIDTH).get(0));
      canvas.line(accent, 0.6f, LEFT, 17, RIGHT, 17);
      y = 26;
      if (inTable) {
        tableHeader();
      }
    }

    private void footers() throws IOException {
      Creditor c = m.creditor();
      List<String> parts = new ArrayList<>();
      parts.add(c.name());
      for (LegalId id : c.legalIds()) {
        parts.add(id.scheme().replace('_', ' ') + " " + id.value());
      }
      add(parts, c.iban().isBlank() ? "" : "IBAN " + c.iban());
      add(parts, c.bic().isBlank() ? "" : "BIC " + c.bic());
      List<String> lines = canvas.wrap(regular, 7, String.join(" · ", parts), WIDTH - 20);
      int n = canvas.pages().size();
      for (int i = 0; i < n; i++) {
        canvas.reopen(canvas.pages().get(i));
        canvas.line(GREY, 0.3f, LEFT, 277, RIGHT, 277);
        float fy = 281;
        for (String line : lines.subList(0, Math.min(3, lines.size()))) {
          canvas.text(regular, 7, GREY, LEFT, fy, line);
          fy += 3.3f;
        }
        canvas.textRight(regular, 7, GREY, RIGHT, 281, (i + 1) + " / " + n);
      }
    }

    private static void add(List<String> parts, String value) {
      if (value != null && !value.isBlank()) {
        parts.add(value);
      }
    }
  }
}
