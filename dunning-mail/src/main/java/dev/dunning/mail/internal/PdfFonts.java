package dev.dunning.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The DejaVu Sans regular and bold fonts shipped in this jar (Latin, Greek, Cyrillic and more; see
 * {@code fonts/LICENSE-DejaVu.txt}), parsed once and lent out per letter: parsing a 700 KB font for
 * every letter would dominate rendering time, and a parsed font reads glyphs lazily from a buffer
 * that is not thread-safe, so each concurrent rendering borrows its own pair.
 *
 * <p>Two sets are kept. {@link #borrowLetterSet()} lends fonts cut down once, when this object is
 * made, to the {@link #LETTER_SET} blocks (about 1,000 of DejaVu Sans' 6,253 glyphs): PDFBox builds
 * and parses the width array of the <em>whole</em> font every time it embeds it in a document
 * ({@code PDType0Font.load} with subsetting still starts from every glyph), and that was a third of
 * a letter's time. {@link #borrowFull()} lends the complete fonts, for the rare letter with a
 * character outside these blocks, which is then rendered again with them.
 */
public final class PdfFonts {
  private static final String DIR = "/dev/dunning/mail/fonts/";

  /**
   * The Unicode blocks of the cut-down fonts (first and last code point): what names, addresses and
   * amounts in European letters use. Latin with its supplements and extensions A and B, Greek,
   * Cyrillic, general punctuation (dashes, quotes, U+202F the fr-FR group separator), currency
   * symbols, a few letterlike symbols (№, ™) and U+FFFD.
   */
  static final int[][] LETTER_SET = {
      {0x20, 0x7E}, {0xA0, 0x24F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x2000, 0x206F}, {0x20A0, 0x20CF},
      {0x2100, 0x2122}, {0xFFFD, 0xFFFD}};

  /** A regular and a bold font for one rendering at a time; {@code complete} if not cut down to {@link #LETTER_SET}. */
  public record Pair(TrueTypeFont regular, TrueTypeFont bold, boolean complete) {}

  private final byte[] regular;
  private final byte[] bold;
  private final byte[] letterRegular;
  private final byte[] letterBold;
  private final ConcurrentLinkedQueue<Pair> idleLetter = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Pair> idleFull = new ConcurrentLinkedQueue<>();

  public PdfFonts() {
    this.regular = read("DejaVuSans.ttf");
    this.bold = read("DejaVuSans-Bold.ttf");
    Pair full = parse(regular, bold, true);
    this.letterRegular = cut(full.regular());
    this.letterBold = cut(full.bold());
    idleFull.add(full);
    idleLetter.add(parse(letterRegular, letterBold, false));
  }

  /** Fonts with the {@link #LETTER_SET} only: a character outside it has no glyph in them. */
  public Pair borrowLetterSet() {
    Pair pair = idleLetter.poll();
    return pair != null ? pair : parse(letterRegular, letterBold, false);
  }

  /** The complete fonts. */
  public Pair borrowFull() {
    Pair pair = idleFull.poll();
    return pair != null ? pair : parse(regular, bold, true);
  }

  public void release(Pair pair) {
    (pair.complete() ? idleFull : idleLetter).add(pair);
  }

  private static Pair parse(byte[] regular, byte[] bold, boolean complete) {
    try {
      TrueTypeFont r = new TTFParser().parse(new RandomAccessReadBuffer(regular));
      TrueTypeFont b = new TTFParser().parse(new RandomAccessReadBuffer(bold));
      // letters need no ligatures, and glyph substitution costs a third of the rendering time
      r.setEnableGsub(false);
      b.setEnableGsub(false);
      return new Pair(r, b, complete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the fonts shipped in dunning-mail", e);
    }
  }

  /** The font with the glyphs of {@link #LETTER_SET} only, as TrueType bytes (same metrics, names and tables). */
  private static byte[] cut(TrueTypeFont font) {
    try {
      TTFSubsetter subsetter = new TTFSubsetter(font);
      CmapLookup cmap = font.getUnicodeCmapLookup();
      for (int[] block : LETTER_SET) {
        for (int cp = block[0]; cp <= block[1]; cp++) {
          if (cmap.getGlyphId(cp) != 0) {
            subsetter.add(cp);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
      subsetter.writeToStream(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut down the fonts shipped in dunning-mail", e);
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = PdfFonts.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("font " + DIR + name + " is missing from the dunning-mail jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + name, e);
    }
  }
}
