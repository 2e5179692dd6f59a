package dev.dunning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.RecoveryCase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the example against a real PostgreSQL 15 (embedded binaries, as dunning-jdbc's tests do). */
class EmbedWithPostgresMainTest {

  @Test
  void the_example_creates_its_tables_and_sends_the_first_reminder_on_a_real_postgresql() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      RecoveryCase c = EmbedWithPostgresMain.run(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
          new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(c.stageId()).isEqualTo("reminder1");
      assertThat(c.deadline()).isNotNull();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("case PG-1 at reminder1", "1 e-mail(s) sent");
    }
  }
}
