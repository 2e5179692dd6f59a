package dev.dunning.mail.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Drawing on A4 pages in millimetres measured from the top-left corner, as letter standards
 * (DIN 5008) state positions, with text that never fails on a character the font lacks.
 */
final class PdfCanvas implements AutoCloseable {
  static final float PAGE_WIDTH_MM = 210f;
  static final float PAGE_HEIGHT_MM = 297f;
  private static final float PT_PER_MM = 72f / 25.4f;

  private final PDDocument document;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream stream;

  PdfCanvas(PDDocument document) {
    this.document = document;
  }

  static float pt(float mm) {
    return mm * PT_PER_MM;
  }

  void newPage() throws IOException {
    close();
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    pages.add(page);
    stream = new PDPageContentStream(document, page);
  }

  List<PDPage> pages() {
    return pages;
  }

  /** Re-opens {@code page} to draw over it (footers with the page count, once it is known). */
  void reopen(PDPage page) throws IOException {
    close();
    stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true);
  }

  /** Draws {@code text} with its baseline at {@code yMm} from the top. */
  void text(PDFont font, float size, Color color, float xMm, float yMm, String text) throws IOException {
    String safe = printable(font, text);
    if (safe.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.setFont(font, size);
    stream.setNonStrokingColor(color);
    stream.newLineAtOffset(pt(xMm), pt(PAGE_HEIGHT_MM - yMm));
    stream.showText(safe);
    stream.endText();
  }

  void textRight(PDFont font, float size, Color color, float rightMm, float yMm, String text) throws IOException {
    text(font, size, color, rightMm - width(font, size, text), yMm, text);
  }

  void line(Color color, float widthPt, float x1Mm, float y1Mm, float x2Mm, float y2Mm) throws IOException {
    stream.setStrokingColor(color);
    stream.setLineWidth(widthPt);
    stream.moveTo(pt(x1Mm), pt(PAGE_HEIGHT_MM - y1Mm));
    stream.lineTo(pt(x2Mm), pt(PAGE_HEIGHT_MM - y2Mm));
    stream.stroke();
  }

  void image(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image, float xMm, float yTopMm, float wMm,
      float hMm) throws IOException {
    stream.drawImage(image, pt(xMm), pt(PAGE_HEIGHT_MM - yTopMm - hMm), pt(wMm), pt(hMm));
  }

  /** The width of {@code text} in millimetres. */
  static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(printable(font, text)) / 1000f * size / PT_PER_MM;
  }

  /** {@code text} with control characters made spaces and characters the font cannot show made '?'. */
  static String printable(PDFont font, String text) throws IOException {
    try {
      font.getStringWidth(text);
      if (text.chars().noneMatch(Character::isISOControl)) {
        return text;
      }
    } catch (IllegalArgumentException missingGlyph) {
      // fall through to the slow path, one code point at a time
    }
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
      try {
        font.getStringWidth(ch);
        sb.append(ch);
      } catch (IllegalArgumentException | IOException e) {
        sb.append('?');
      }
    });
    return sb.toString();
  }

  /** Splits {@code text} into lines no wider than {@code maxMm}, breaking inside a word only if it alone is too wide. */
  static List<String> wrap(PDFont font, float size, String text, float maxMm) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(font, size, candidate) <= maxMm) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(font, size, rest) > maxMm && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxMm) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
