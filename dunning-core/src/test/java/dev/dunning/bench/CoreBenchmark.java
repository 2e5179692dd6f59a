package dev.dunning.bench;

import dev.dunning.DispatchReport;
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
 *     -Dexec.args="-Xms2g -Xmx2g -cp %classpath dev.dunning.bench.CoreBenchmark"
 * </pre>
 *
 * <p>1. case transitions per second on one thread (in-memory store, no-op channels, each tick
 * moving every case one stage: claim + decide + write + outbox, then dispatch), with the advance and
 * dispatch halves timed apart: wall clock, the ticking thread's CPU time and allocation, the
 * collector's pauses and the other threads' CPU time;
 * 2. an idle tick over 1,000,000 open cases of which none is due;
 * 3. the heap 1,000,000 freshly opened cases take (run with -Xmx2g).
 *
 * <p>{@code -Xms2g} as well as {@code -Xmx2g}: with a 2 GB ceiling alone the collector shrinks the
 * heap after each run's {@code System.gc()} and every run starts over with a tiny young generation,
 * which measures heap resizing rather than the engine. Optional arguments: cases for the
 * transitions (100,000), open cases for the idle tick and the heap (1,000,000), runs (7).
 */
public final class CoreBenchmark {
  private static final LocalDate DUE = LocalDate.of(2026, 2, 14);
  private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

  public static void main(String[] args) {
    int transitionCases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int idleCases = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.printf("machine: %d cores, JDK %s, heap %d-%d MiB, load average (1 min) %.2f%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().totalMemory() >> 20, Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage());

    transitions(transitionCases, runs);
    idleTickAndHeap(idleCases);
    System.out.printf("load average (1 min) at the end: %.2f%n", os.getSystemLoadAverage());
  }

  private static void transitions(int cases, int runs) {
    Phase advance = new Phase("advance ", "transition", runs);
    Phase dispatch = new Phase("dispatch", "message", runs);
    double[] tickWall = new double[runs];
    double[] tickCpu = new double[runs];
    for (int run = 0; run < runs; run++) {
      System.gc(); // the previous run's engine is garbage: do not bill its collection to this run
      MutableClock clock = MutableClock.at(DUE.minusDays(5).atStartOfDay(ZONE).toInstant());
      RecoveryEngine engine = engine(clock, new InMemoryCaseStore());
      open(engine, cases);
      // opening is set-up, not a transition: move the new cases out of the young generation now
      // rather than in the first timed collection
      System.gc();
      long transitions = 0;
      long messages = 0;
      // reminder1, reminder2, formal notice (2 messages), injunction approval request
      Instant at = DUE.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant();
      for (int stage = 0; stage < 4; stage++) {
        clock.set(at);
        advance.start();
        TickReport r = engine.advance();
        advance.stop();
        dispatch.start();
        DispatchReport d = engine.dispatch();
        dispatch.stop();
        transitions += r.casesAdvanced();
        messages += d.delivered();
        at = at.plus(Duration.ofDays(stage == 2 ? 16 : 9));
      }
      advance.endRun(run, transitions);
      dispatch.endRun(run, messages);
      tickWall[run] = transitions / ((advance.wall[run] + dispatch.wall[run]) / 1e9);
      tickCpu[run] = transitions / ((advance.cpu[run] + dispatch.cpu[run]) / 1e9);
      System.out.printf("  run %d%s: %,d transitions, %,d messages%n%s%s"
          + "    tick     %6.0f ms wall = %,9.0f/s | CPU %6.0f ms = %,9.0f/s%n",
          run + 1, run == 0 ? " (JIT warm-up)" : "", transitions, messages, advance.line(run), dispatch.line(run),
          (advance.wall[run] + dispatch.wall[run]) / 1e6, tickWall[run],
          (advance.cpu[run] + dispatch.cpu[run]) / 1e6, tickCpu[run]);
    }
    // On a shared machine the wall clock also counts waiting for a core, for the ticking thread and
    // for the collector's threads alike; the ticking thread's CPU time counts neither. Both are
    // printed, with the collector's pauses and the other threads' CPU time (the collector, mostly).
    System.out.printf("median of runs 2-%d (run 1 is JIT warm-up), one ticking thread:%n", runs);
    advance.summary("advance (claim + decide + write case, events, outbox)", "transitions");
    dispatch.summary("dispatch (claim message + no-op send + record outcome)", "messages");
    System.out.printf("  tick (advance + dispatch): %,.0f transitions/s wall clock, %,.0f per CPU-second of the ticking"
        + " thread%n", median(Arrays.copyOfRange(tickWall, 1, runs)), median(Arrays.copyOfRange(tickCpu, 1, runs)));
  }

  /**
   * Wall clock, the ticking thread's CPU time and allocation, the collector's pauses and the other
   * threads' CPU time, over one half (advance or dispatch) of each run's ticks.
   */
  private static final class Phase {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final String name;
    private final String unit;
    final long[] wall;
    final long[] cpu;
    final long[] otherCpu;
    final long[] bytes;
    final long[] gcMillis;
    final double[] wallRate;
    final double[] cpuRate;
    final long[] bytesPer;
    private int run;
    private long t0;
    private long c0;
    private long p0;
    private long a0;
    private long g0;

    Phase(String name, String unit, int runs) {
      this.name = name;
      this.unit = unit;
      wall = new long[runs];
      cpu = new long[runs];
      otherCpu = new long[runs];
      bytes = new long[runs];
      gcMillis = new long[runs];
      wallRate = new double[runs];
      cpuRate = new double[runs];
      bytesPer = new long[runs];
    }

    void start() {
      g0 = gcMillis();
      a0 = THREADS.getCurrentThreadAllocatedBytes();
      p0 = OS.getProcessCpuTime();
      c0 = THREADS.getCurrentThreadCpuTime();
      t0 = System.nanoTime();
    }

    void stop() {
      long t1 = System.nanoTime();
      long c1 = THREADS.getCurrentThreadCpuTime();
      long p1 = OS.getProcessCpuTime();
      long a1 = THREADS.getCurrentThreadAllocatedBytes();
      wall[run] += t1 - t0;
      cpu[run] += c1 - c0;
      otherCpu[run] += (p1 - p0) - (c1 - c0);
      bytes[run] += a1 - a0;
      gcMillis[run] += gcMillis() - g0;
    }

    void endRun(int run, long operations) {
      wallRate[run] = operations / (wall[run] / 1e9);
      cpuRate[run] = operations / (cpu[run] / 1e9);
      bytesPer[run] = bytes[run] / Math.max(1, operations);
      this.run = run + 1;
    }

    String line(int run) {
      return String.format("    %s %6.0f ms wall = %,9.0f/s | CPU %6.0f ms = %,9.0f/s | %,5d B/%s | GC pauses %4d ms,"
          + " other threads' CPU %4.0f ms%n", name, wall[run] / 1e6, wallRate[run], cpu[run] / 1e6, cpuRate[run],
          bytesPer[run], unit, gcMillis[run], otherCpu[run] / 1e6);
    }

    void summary(String what, String units) {
      System.out.printf("  %s: %,.0f %s/s wall clock, %,.0f per CPU-second of the ticking thread; %,.0f bytes allocated"
          + " per %s; GC pauses %,.0f ms and other threads' CPU %,.0f ms per run%n", what,
          median(Arrays.copyOfRange(wallRate, 1, wallRate.length)), units,
          median(Arrays.copyOfRange(cpuRate, 1, cpuRate.length)), medianOf(bytesPer), unit, medianOf(gcMillis),
          medianOf(otherCpu) / 1e6);
    }

    private static double medianOf(long[] values) {
      return median(Arrays.stream(values).skip(1).asDoubleStream().toArray());
    }

    private static long gcMillis() {
      long sum = 0;
      for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        sum += Math.max(0, gc.getCollectionTime());
      }
      return sum;
    }
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
