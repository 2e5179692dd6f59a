package dev.dunning.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The DejaVu Sans regular and bold fonts shipped in this jar (Latin, Greek, Cyrillic; see
 * {@code fonts/LICENSE-DejaVu.txt}), parsed once and lent out per letter: parsing a 700 KB font for
 * every letter would dominate rendering time, and a parsed font reads glyphs lazily from a buffer
 * that is not thread-safe, so each concurrent rendering borrows its own pair.
 */
public final class PdfFonts {
  private static final String DIR = "/dev/dunning/mail/fonts/";

  /** A regular and a bold font for one rendering at a time. */
  public record Pair(TrueTypeFont regular, TrueTypeFont bold) {}

  private final byte[] regular;
  private final byte[] bold;
  private final ConcurrentLinkedQueue<Pair> idle = new ConcurrentLinkedQueue<>();

  public PdfFonts() {
    this.regular = read("DejaVuSans.ttf");
    this.bold = read("DejaVuSans-Bold.ttf");
    idle.add(parse());
  }

  public Pair borrow() {
    Pair pair = idle.poll();
    return pair != null ? pair : parse();
  }

  public void release(Pair pair) {
    idle.add(pair);
  }

  private Pair parse() {
    try {
      TrueTypeFont r = new TTFParser().parse(new RandomAccessReadBuffer(regular));
      TrueTypeFont b = new TTFParser().parse(new RandomAccessReadBuffer(bold));
      // letters need no ligatures, and glyph substitution costs a third of the rendering time
      r.setEnableGsub(false);
      b.setEnableGsub(false);
      return new Pair(r, b);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the fonts shipped in dunning-mail", e);
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
