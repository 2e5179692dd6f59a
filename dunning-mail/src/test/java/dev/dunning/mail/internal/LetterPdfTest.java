package dev.dunning.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.pdfbox.util.DateConverter;
import org.junit.jupiter.api.Test;

class LetterPdfTest {
  @Test
  void pdf_dates_carry_the_offset_as_pdfbox_reads_it() {
    for (String zone : new String[] {"Europe/Brussels", "America/Los_Angeles", "Asia/Kolkata", "UTC"}) {
      ZonedDateTime at = LocalDate.of(2026, 2, 25).atStartOfDay(ZoneId.of(zone));
      assertThat(DateConverter.toCalendar(LetterPdf.pdfDate(at)).toInstant()).as(zone).isEqualTo(at.toInstant());
    }
    assertThat(LetterPdf.pdfDate(LocalDate.of(2026, 2, 25).atStartOfDay(ZoneId.of("America/Los_Angeles"))))
        .isEqualTo("D:20260225000000-08'00'");
    assertThat(LetterPdf.pdfDate(LocalDate.of(2026, 7, 1).atStartOfDay(ZoneId.of("Asia/Kolkata"))))
        .isEqualTo("D:20260701000000+05'30'");
  }
}
