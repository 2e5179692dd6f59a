package dev.dunning.mail.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered letter template read into blocks: plain text with directives at the start of a line
 * ({@code @reference}, {@code @subject}, {@code @heading}, {@code @claims}, {@code @fees},
 * {@code @paid}, {@code @total}); blank lines separate paragraphs. Values cannot forge a directive:
 * the letter compiler turns line breaks in values into spaces, so a value never starts a line.
 *
 * @param reference the small reference line, or empty
 * @param subject the bold subject line, or empty
 * @param blocks the body, in order
 */
public record LetterMarkup(String reference, String subject, List<Block> blocks) {

  /** One element of the body. */
  public sealed interface Block permits Paragraph, Heading, ClaimsTable, TotalRow {}

  /** Lines kept as written, wrapped to the page width. */
  public record Paragraph(List<String> lines) implements Block {}

  public record Heading(String text) implements Block {}

  /** The claims, with four column titles: invoice, date, due date, amount. */
  public record ClaimsTable(List<String> headers) implements Block {}

  /** A row under the table; FEES and PAID rows are printed only when the amount is not zero. */
  public record TotalRow(Kind kind, String label) implements Block {
    public enum Kind { FEES, PAID, TOTAL }
  }

  public static LetterMarkup parse(String text) {
    String reference = "";
    String subject = "";
    List<Block> blocks = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    for (String raw : text.split("\\R", -1)) {
      String line = raw.stripTrailing();
      if (line.startsWith("@")) {
        flush(paragraph, blocks);
        int space = line.indexOf(' ');
        String directive = space < 0 ? line : line.substring(0, space);
        String arg = space < 0 ? "" : line.substring(space + 1).strip();
        switch (directive) {
          case "@reference" -> reference = arg;
          case "@subject" -> subject = arg;
          case "@heading" -> blocks.add(new Heading(arg));
          case "@claims" -> blocks.add(new ClaimsTable(headers(arg)));
          case "@fees" -> blocks.add(new TotalRow(TotalRow.Kind.FEES, arg));
          case "@paid" -> blocks.add(new TotalRow(TotalRow.Kind.PAID, arg));
          case "@total" -> blocks.add(new TotalRow(TotalRow.Kind.TOTAL, arg));
          default -> throw new IllegalArgumentException("unknown letter directive '" + directive
              + "' (known: @reference @subject @heading @claims @fees @paid @total)");
        }
      } else if (line.isBlank()) {
        flush(paragraph, blocks);
      } else {
        paragraph.add(line);
      }
    }
    flush(paragraph, blocks);
    return new LetterMarkup(reference, subject, List.copyOf(blocks));
  }

  private static List<String> headers(String arg) {
    List<String> headers = new ArrayList<>();
    for (String h : arg.split("\\|", -1)) {
      headers.add(h.strip());
    }
    if (headers.size() != 4) {
      throw new IllegalArgumentException("@claims needs 4 column titles separated by '|' (invoice | date | due date"
          + " | amount), got " + headers.size() + ": '" + arg + "'");
    }
    return List.copyOf(headers);
  }

  private static void flush(List<String> paragraph, List<Block> blocks) {
    if (!paragraph.isEmpty()) {
      blocks.add(new Paragraph(List.copyOf(paragraph)));
      paragraph.clear();
    }
  }
}
