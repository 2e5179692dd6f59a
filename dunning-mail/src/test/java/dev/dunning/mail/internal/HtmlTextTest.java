package dev.dunning.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void the_one_pass_paragraphs_equal_the_regular_expressions_on_shipped_like_texts() {
    String text = "Dear Débiteur &amp; Co,\n\nInvoice INV-1 is unpaid.\nPay at https://portal.acme.test/p/1?a=1&amp;b=2.\n"
        + "  \n\t\n  Kind regards,\nAcme\n\n\n";
    assertThat(onePass(text.strip())).isEqualTo(regex(text.strip())).contains(
        "<p>Dear Débiteur &amp; Co,</p>\n", "<a href=\"https://portal.acme.test/p/1?a=1&amp;b=2.\">",
        "<br>\n", "<p>Kind regards,<br>\nAcme</p>\n");
  }

  @Test
  void the_one_pass_paragraphs_equal_the_regular_expressions_on_random_texts() {
    String[] pieces = {"a", "é", "Ж", " ", "\t", "\n", "\n\n", " \n ", "http://", "https://", "http", "s://", "x.test",
        "&lt;", "<", "\"", "'", "h", "€", "\uD83D\uDE00", ":", "/"};
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString().strip();
      assertThat(onePass(text)).as("paragraphs of %s", text.replace("\n", "\\n")).isEqualTo(regex(text));
    }
  }

  @Test
  void text_with_other_line_terminators_takes_the_regular_expressions() {
    assertThat(HtmlText.onlyNewlines("a\nb")).isTrue();
    assertThat(HtmlText.onlyNewlines("a\r\nb")).isFalse();
    assertThat(HtmlText.onlyNewlines("a\u2028b")).isFalse();
  }

  private static String onePass(String text) {
    StringBuilder html = new StringBuilder();
    HtmlText.paragraphs(text, html);
    return html.toString();
  }

  private static String regex(String text) {
    StringBuilder html = new StringBuilder();
    HtmlText.regexParagraphs(text, html);
    return html.toString();
  }
}
