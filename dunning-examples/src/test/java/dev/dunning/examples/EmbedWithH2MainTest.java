package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.CaseStatus;
import dev.dunning.model.RecoveryCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedWithH2MainTest {

  @Test
  void the_case_reaches_the_second_reminder_and_is_still_there_when_the_database_is_opened_again(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("example") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RecoveryCase first = EmbedWithH2Main.run(url, new PrintStream(out, true, StandardCharsets.UTF_8));
    RecoveryCase again = EmbedWithH2Main.run(url, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(first.stageId()).isEqualTo("reminder2");
    assertThat(first.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(again.openedAt()).as("found, not opened twice").isEqualTo(first.openedAt());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("case H2-1 at reminder2");
  }
}
