package dev.dunning.mail.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Drawing on A4 pages in millimetres measured from the top-left corner, as letter standards
 * (DIN 5008) state positions, with text that never fails on a character the font lacks: it is
 * printed as '?', or, on a canvas made to {@linkplain #PdfCanvas(PDDocument, boolean) stop at one},
 * {@link MissingGlyph} is thrown so the letter can be set again with complete fonts.
 */
final class PdfCanvas implements AutoCloseable {
  /** A character the (cut-down) fonts of a canvas that stops at missing glyphs have no glyph for. */
  static final class MissingGlyph extends RuntimeException {
    MissingGlyph(int codePoint) {
      super(String.format("no glyph for U+%04X", codePoint), null, false, false);
    }
  }

  static final float PAGE_WIDTH_MM = 210f;
  static final float PAGE_HEIGHT_MM = 297f;
  private static final float PT_PER_MM = 72f / 25.4f;

  private final PDDocument document;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream stream;
  private PDFont currentFont;
  private float currentSize;
  private Color currentColor;
  private final Map<PDFont, Map<Integer, Float>> widthCache = new HashMap<>(4);
  private final boolean stopAtMissingGlyph;

  PdfCanvas(PDDocument document, boolean stopAtMissingGlyph) {
    this.document = document;
    this.stopAtMissingGlyph = stopAtMissingGlyph;
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
    // the text state outlives BT/ET within a page, and re-selecting the same font costs a resource lookup
    if (font != currentFont || size != currentSize) {
      stream.setFont(font, size);
      currentFont = font;
      currentSize = size;
    }
    if (!color.equals(currentColor)) {
      stream.setNonStrokingColor(color);
      currentColor = color;
    }
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

  /** The width of {@code text} in millimetres (PDFBox applies no kerning, so glyph widths add up). */
  float width(PDFont font, float size, String text) throws IOException {
    Map<Integer, Float> widths = metrics(font);
    float units = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      units += glyphWidth(font, widths, cp);
    }
    return units / 1000f * size / PT_PER_MM;
  }

  /** {@code text} with control characters made spaces and characters the font cannot show made '?'. */
  String printable(PDFont font, String text) throws IOException {
    Map<Integer, Float> widths = metrics(font);
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      boolean ok = !Character.isISOControl(cp) && glyphWidth(font, widths, cp) >= 0;
      if (!ok && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(ok ? text.substring(i, i + n) : Character.isISOControl(cp) ? " " : "?");
      }
      i += n;
    }
    return sb == null ? text : sb.toString();
  }

  private Map<Integer, Float> metrics(PDFont font) {
    return widthCache.computeIfAbsent(font, f -> new HashMap<>(256));
  }

  /** The advance of {@code cp} in 1/1000 em, or -1 if the font has no glyph for it; asked of PDFBox once per character. */
  private float glyphWidth(PDFont font, Map<Integer, Float> widths, int cp) throws IOException {
    Float known = widths.get(cp);
    if (known != null) {
      return known;
    }
    float w;
    try {
      w = Character.isISOControl(cp) ? font.getStringWidth(" ") : font.getStringWidth(new String(Character.toChars(cp)));
    } catch (IllegalArgumentException missingGlyph) {
      if (stopAtMissingGlyph) {
        throw new MissingGlyph(cp);
      }
      w = -1;
    }
    widths.put(cp, w);
    return w;
  }

  /** Splits {@code text} into lines no wider than {@code maxMm}, breaking inside a word only if it alone is too wide. */
  List<String> wrap(PDFont font, float size, String text, float maxMm) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float lineWidth = 0;
    float space = width(font, size, " ");
    for (String word : text.split(" ")) {
      float w = width(font, size, word);
      if (line.length() > 0 && lineWidth + space + w <= maxMm) {
        line.append(' ').append(word);
        lineWidth += space + w;
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (w > maxMm && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxMm) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
        w = width(font, size, rest);
      }
      line.append(rest);
      lineWidth = w;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    currentFont = null;
    currentColor = null;
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
