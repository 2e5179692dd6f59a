package dev.dunning;

import static dev.dunning.EngineFixture.DUE;
import static dev.dunning.EngineFixture.sendTimeOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Money;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.testkit.CaseFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentTickTest {

  @Test
  void eightThreadsTickingOneEngineOverTenThousandDueCasesQueueEachMessageExactlyOnce() throws Exception {
    EngineFixture f = new EngineFixture(b -> b.batchSize(50));
    int cases = 10_000;
    var debtor = CaseFixtures.debtor("D");
    for (int i = 0; i < cases; i++) {
      f.engine.open(NewCase.builder(CaseFixtures.TENANT, debtor).id("C-" + i)
          .claim(Claim.of("INV-" + i, DUE.minusDays(30), DUE, Money.of("100.00", "EUR"), "")).build());
    }
    f.clock.set(sendTimeOn(DUE.plusDays(1)));

    AtomicInteger advanced = new AtomicInteger();
    AtomicInteger queued = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> ticks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        ticks.add(pool.submit(() -> {
          start.await();
          for (int round = 0; round < 3; round++) {
            TickReport r = f.engine.tick();
            advanced.addAndGet(r.casesAdvanced());
            queued.addAndGet(r.messagesQueued());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> tick : ticks) {
        tick.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<OutboundMessage> sent = f.sent(ChannelType.EMAIL);
    assertThat(advanced.get()).isEqualTo(cases);
    assertThat(queued.get()).isEqualTo(cases);
    assertThat(sent).hasSize(cases);
    assertThat(sent).extracting(m -> m.message().idempotencyKey()).doesNotHaveDuplicates();
    for (int i = 0; i < cases; i += 997) {
      assertThat(f.engine.messages("C-" + i)).hasSize(1);
      assertThat(f.current("C-" + i).stageId()).isEqualTo("reminder1");
    }
  }
}
