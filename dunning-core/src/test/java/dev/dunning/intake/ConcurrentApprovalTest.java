package dev.dunning.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.Actor;
import dev.dunning.portal.PortalFixtures;
import dev.dunning.spi.CaseQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentApprovalTest {

  @Test
  void a_store_replaces_a_demand_only_at_the_version_read() {
    InMemoryDemandStore store = new InMemoryDemandStore();
    StoredDemand pending = StoredDemand.pending("d-1", PortalFixtures.validDemand().build(), Instant.EPOCH);
    store.create(pending);
    assertThat(store.replace(pending.rejected(Instant.EPOCH, Actor.manager("a"), "no"))).isTrue();
    assertThat(store.replace(pending.approved(Instant.EPOCH, Actor.manager("b"), "C-1"))).isFalse();
    assertThat(store.find("d-1").orElseThrow().status()).isEqualTo(DemandStatus.REJECTED);
  }

  @Test
  void managers_approving_one_demand_at_once_open_one_case() throws Exception {
    PortalFixtures f = new PortalFixtures();
    String id = f.intake.submit(PortalFixtures.validDemand().build()).id();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Actor manager = Actor.manager("manager-" + i);
      results.add(pool.submit(() -> {
        start.await();
        try {
          return f.intake.approve(id, manager).caseId();
        } catch (IllegalStateException | InvalidDemandException e) {
          return null;
        }
      }));
    }
    start.countDown();
    List<String> opened = new ArrayList<>();
    for (Future<String> r : results) {
      String caseId = r.get(10, TimeUnit.SECONDS);
      if (caseId != null) {
        opened.add(caseId);
      }
    }
    pool.shutdown();
    assertThat(opened).hasSize(1);
    assertThat(f.engine.query(CaseQuery.all())).singleElement()
        .satisfies(c -> assertThat(c.id()).isEqualTo(opened.get(0)));
    assertThat(f.intake.find(id).orElseThrow().caseId()).isEqualTo(opened.get(0));
  }
}
