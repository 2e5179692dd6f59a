package dev.dunning.bench;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.TickReport;
import dev.dunning.memory.InMemoryCaseStore;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.NoopChannel;
import dev.dunning.testkit.CaseFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/**
 * The core engine's figures (docs/BENCHMARKS.md), as a plain main so it runs anywhere:
 *
 * <pre>
 * ./mvnw -q -pl dunning-core -am verify -DskipTests
 * ./mvnw -q -pl dunning-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-Xmx2g -cp %classpath dev.dunning.bench.CoreBenchmark"
 * </pre>
 *
 * <p>1. case transitions per second on one thread (in-memory store, no-op channels, each tick
 * moving every case one stage: claim + decide + write + outbox, then dispatch), with the advance and
 * dispatch halves timed apart;
 * 2. an idle tick over 1,000,000 open cases of which none is due;
 * 3. the heap 1,000,000 freshly opened cases take (run with -Xmx2g).
 */
public final class CoreBenchmark {
  private static final LocalDate DUE = LocalDate.of(2026, 2, 14);
  private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

  public static void main(String[] args) {
    int transitionCases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int idleCases = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    System.out.printf("machine: %d cores, JDK %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

    transitions(transitionCases, 7);
    idleTickAndHeap(idleCases);
  }

  private static void transitions(int cases, int runs) {
    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    double[] advanceRates = new double[runs];
    double[] dispatchRates = new double[runs];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int run = 0; run < runs; run++) {
      System.gc(); // the previous run's engine is garbage: do not bill its collection to this run
      MutableClock clock = MutableClock.at(DUE.minusDays(5).atStartOfDay(ZONE).toInstant());
      RecoveryEngine engine = engine(clock, new InMemoryCaseStore());
      open(engine, cases);
      long transitions = 0;
      long messages = 0;
      long nanos = 0;
      long cpu = 0;
      long advanceCpu = 0;
      long dispatchCpu = 0;
      // reminder1, reminder2, formal notice (2 messages), injunction approval request
      Instant at = DUE.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant();
      for (int stage = 0; stage < 4; stage++) {
        clock.set(at);
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        TickReport r = engine.advance();
        long c1 = threads.getCurrentThreadCpuTime();
        messages += engine.dispatch().delivered();
        long c2 = threads.getCurrentThreadCpuTime();
        nanos += System.nanoTime() - t0;
        advanceCpu += c1 - c0;
        dispatchCpu += c2 - c1;
        cpu += c2 - c0;
        transitions += r.casesAdvanced();
        at = at.plus(Duration.ofDays(stage == 2 ? 16 : 9));
      }
      rates[run] = transitions / (nanos / 1e9);
      cpuRates[run] = transitions / (cpu / 1e9);
      advanceRates[run] = transitions / (advanceCpu / 1e9);
      dispatchRates[run] = messages / (dispatchCpu / 1e9);
      System.out.printf("  run %d: %,d transitions in %.0f ms wall = %,.0f/s; %.0f ms on the ticking thread's CPU = %,.0f/s%n",
          run + 1, transitions, nanos / 1e6, rates[run], cpu / 1e6, cpuRates[run]);
    }
    // on a shared machine the wall clock includes waiting for a core and for GC; the thread's own CPU
    // time does not, so both are printed
    System.out.printf("tick (advance + dispatch), case transitions/s, one thread (median of %d after a warm-up run):"
        + " %,.0f wall, %,.0f per CPU-second%n",
        runs - 1, median(Arrays.copyOfRange(rates, 1, runs)), median(Arrays.copyOfRange(cpuRates, 1, runs)));
    System.out.printf("  of which advance (claim + decide + write case, events, outbox): %,.0f transitions per CPU-second%n",
        median(Arrays.copyOfRange(advanceRates, 1, runs)));
    System.out.printf("  of which dispatch (claim message + no-op send + record outcome): %,.0f messages per CPU-second%n",
        median(Arrays.copyOfRange(dispatchRates, 1, runs)));
  }

  private static void idleTickAndHeap(int cases) {
    System.gc();
    long before = usedHeap();
    MutableClock clock = MutableClock.at(DUE.minusDays(30).atStartOfDay(ZONE).toInstant());
    InMemoryCaseStore store = new InMemoryCaseStore();
    RecoveryEngine engine = engine(clock, store);
    open(engine, cases);
    System.gc();
    long after = usedHeap();
    System.out.printf("heap for %,d fresh open cases (incl. timeline and indexes): %,d MiB (%,d bytes/case)%n",
        cases, (after - before) >> 20, (after - before) / cases);

    double[] micros = new double[2_000];
    for (int i = 0; i < micros.length; i++) {
      clock.advance(Duration.ofSeconds(1));
      long t0 = System.nanoTime();
      TickReport r = engine.tick();
      micros[i] = (System.nanoTime() - t0) / 1e3;
      if (!r.isIdle()) {
        throw new IllegalStateException("expected an idle tick: " + r);
      }
    }
    double[] measured = Arrays.copyOfRange(micros, 500, micros.length);
    Arrays.sort(measured);
    System.out.printf("idle tick over %,d open cases: median %.1f µs, p99 %.1f µs, max %.1f µs (%d ticks after 500 warm-up)%n",
        store.size(), median(measured), measured[(int) (measured.length * 0.99)], measured[measured.length - 1],
        measured.length);
  }

  private static RecoveryEngine engine(MutableClock clock, InMemoryCaseStore store) {
    RecoveryEngineBuilder b = RecoveryEngine.builder().clock(clock).store(store).creditor(CaseFixtures.creditor())
        .batchSize(1_000);
    NoopChannel.forEveryType().forEach(b::channel);
    return b.build();
  }

  private static void open(RecoveryEngine engine, int cases) {
    for (int i = 0; i < cases; i++) {
      Debtor debtor = Debtor.builder("D-" + i, "Debtor " + i + " SPRL").kind(DebtorKind.B2B)
          .address(PostalAddress.of("Rue " + i, "1000", "Bruxelles", "BE"))
          .email("ap" + i + "@debtor.example").locale(Locale.FRENCH).timeZone(ZONE).build();
      engine.open(NewCase.builder(CaseFixtures.TENANT, debtor).id("C-" + i)
          .claim(Claim.of("INV-" + i, DUE.minusDays(30), DUE, Money.of("1234.56", "EUR"), "")).build());
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private CoreBenchmark() {}

}
