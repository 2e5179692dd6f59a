package dev.dunning.jdbc;

import static dev.dunning.jdbc.support.JdbcEngine.REMINDER1;
import static dev.dunning.jdbc.support.JdbcEngine.REMINDER2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.jdbc.support.JdbcEngine;
import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Four application instances with four ticking threads each, on one PostgreSQL database. */
class ClusterTest {
  private static final int INSTANCES = 4;
  private static final int THREADS_PER_INSTANCE = 4;
  private static final int CASES = 10_000;

  private static TestDatabase db;
  private static final List<JdbcEngine> instances = new ArrayList<>();
  private static ExecutorService threads;

  @BeforeAll
  static void cluster() throws Exception {
    db = TestDatabase.postgres();
    MutableClock clock = JdbcEngine.newClock(); // one wall clock, as NTP gives a real cluster
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(new JdbcEngine(db.newPool(THREADS_PER_INSTANCE), clock));
    }
    threads = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE);
    List<Future<?>> opening = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int slice = t;
      JdbcEngine opener = instances.get(t % INSTANCES);
      opening.add(threads.submit(() -> IntStream.range(0, CASES).filter(i -> i % 8 == slice)
          .forEach(i -> opener.open(String.format("C-%05d", i)))));
    }
    for (Future<?> f : opening) {
      f.get();
    }
  }

  @AfterAll
  static void stop() {
    threads.shutdownNow();
    db.close();
  }

  @Test
  void everyCaseAdvancesOncePerStageAndEveryMessageGoesOutOnce() throws Exception {
    tickEverywhereAt(REMINDER1);
    assertStage("reminder1", 1);

    tickEverywhereAt(REMINDER2);
    assertStage("reminder2", 2);
  }

  /** Sets the shared clock and lets all sixteen threads tick at once. */
  private static void tickEverywhereAt(Instant at) throws Exception {
    instances.get(0).clock.set(at);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> ticks = new ArrayList<>();
    for (JdbcEngine instance : instances) {
      for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
        ticks.add(threads.submit(() -> {
          start.await();
          return instance.engine.tick();
        }));
      }
    }
    start.countDown();
    for (Future<?> f : ticks) {
      f.get();
    }
  }

  private static void assertStage(String stageId, int stagesSoFar) {
    assertThat(db.count("SELECT COUNT(*) FROM dunning_case WHERE stage_id = '" + stageId + "'")).isEqualTo(CASES);
    assertThat(db.count("SELECT COUNT(*) FROM (SELECT case_id FROM dunning_event WHERE event_type = 'stage_entered' "
        + "AND stage_id = '" + stageId + "' GROUP BY case_id HAVING COUNT(*) = 1) once")).isEqualTo(CASES);
    assertThat(db.count("SELECT COUNT(*) FROM dunning_event WHERE event_type = 'stage_entered'"))
        .isEqualTo((long) CASES * stagesSoFar);
    assertThat(db.count("SELECT COUNT(*) FROM dunning_outbox WHERE status = 'sent'")).isEqualTo((long) CASES * stagesSoFar);
    assertThat(db.count("SELECT COUNT(*) FROM dunning_outbox WHERE status <> 'sent'")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM dunning_case WHERE next_action_at <= TIMESTAMP WITH TIME ZONE '"
        + instances.get(0).clock.instant() + "'")).as("left due, unclaimed").isZero();
    List<String> delivered = instances.stream().flatMap(JdbcEngine::sentKeys).toList();
    assertThat(delivered).hasSize(CASES * stagesSoFar).doesNotHaveDuplicates();
  }
}
