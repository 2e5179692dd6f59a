package dev.dunning.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferEncodingTest {
  @Test
  void chooses_what_jakarta_mail_chooses_from_the_encoded_bytes() {
    List<String> texts = List.of("", "Dear debtor,\n\nplease pay.\n", "Cher débiteur, veuillez payer 1\u202F234,56\u00A0€.",
        "Уважаеми Иван Петров, моля платете.", "mostly ascii with one ß", "x".repeat(998), "x".repeat(999),
        "é".repeat(499), "é".repeat(500) + "\n" + "a".repeat(1001), "tab\tand\u0007bell\u007F", "emoji \uD83D\uDE00 ok",
        "lone \uD800 surrogate", "ab\uD83D\uDE00", "\r\nline\rbreaks\n");
    for (String text : texts) {
      String jakarta = MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));
      assertThat(TransferEncoding.ofUtf8(text)).as("encoding of %s", text).isEqualTo(jakarta);
    }
  }
}
