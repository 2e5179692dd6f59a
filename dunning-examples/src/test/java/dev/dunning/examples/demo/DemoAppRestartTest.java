package dev.dunning.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.spi.CaseQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo keeps its cases, letters and simulated time in its data folder across restarts. */
class DemoAppRestartTest {

  @Test
  void a_restart_on_the_same_data_folder_seeds_nothing_twice_and_keeps_the_cases_and_the_clock(@TempDir Path dir)
      throws Exception {
    DemoConfig config = new DemoConfig(0, dir, Duration.ZERO, Clock.systemUTC());
    try (DemoApp first = DemoApp.start(config)) {
      first.services().tick();
      first.services().advanceDays(3);
    }

    try (DemoApp second = DemoApp.start(config)) {
      var cases = second.services().engine().query(CaseQuery.all().tenant(DemoSeed.TENANT));
      assertThat(cases).hasSize(12);
      assertThat(cases).filteredOn(c -> "reminder1".equals(c.stageId())).hasSize(10);
      assertThat(second.services().clock().offset()).isEqualTo(Duration.ofDays(3));
      assertThat(second.mailbox().all()).as("the mailbox lives in memory").isEmpty();
    }
  }
}
