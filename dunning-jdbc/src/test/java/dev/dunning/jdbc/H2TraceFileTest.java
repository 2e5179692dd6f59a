package dev.dunning.jdbc;

import static dev.dunning.testkit.CaseFixtures.T0;
import static dev.dunning.testkit.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 writes every SQL error it sees to a {@code .trace.db} file beside the database: a store that
 * migrates, writes and reads as it should leaves none, so a trace file on a user's disk means a
 * real problem, not the store probing for tables.
 */
class H2TraceFileTest {

  @Test
  void migratingAndUsingAFreshFileDatabaseLeavesNoTraceFile(@TempDir Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("dunning") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    JdbcCaseStore store = JdbcCaseStore.builder(ds).build();
    store.create(openCase("C-1", T0), List.of(), List.of());
    assertThat(store.find("C-1")).isPresent();
    JdbcCaseStore.builder(ds).build(); // a second start: nothing to migrate

    Path trace = dir.resolve("dunning.trace.db");
    assertThat(trace).as(() -> "H2 traced: " + read(trace)).doesNotExist();
    assertThat(dir.resolve("dunning.mv.db")).exists();
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
