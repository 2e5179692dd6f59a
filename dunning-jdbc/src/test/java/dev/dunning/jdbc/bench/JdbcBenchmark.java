package dev.dunning.jdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dunning.RecoveryEngine;
import dev.dunning.internal.Decider;
import dev.dunning.internal.Playbooks;
import dev.dunning.internal.Step;
import dev.dunning.jdbc.JdbcCaseStore;
import dev.dunning.jdbc.internal.JsonCodec;
import dev.dunning.jdbc.support.TestDatabase;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.policy.ChannelRouter;
import dev.dunning.policy.DeadlinePolicy;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseFailure;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.DueOutcome;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import dev.dunning.testkit.CaseFixtures;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Measures the JDBC store on this machine; not a test (timings are documented, never asserted).
 *
 * <ol>
 *   <li>Transitions/s: {@code processDue} over N due cases with the engine's own decision function
 *       (claim + decide + update + events + outbox), one thread, batches of 500.
 *   <li>Raw ceiling ({@link RawCeiling}): the same rows claimed and written with the same statements
 *       as the store sends, issued directly, nothing decided or mapped.
 *   <li>Idle tick: {@code RecoveryEngine.tick()} over OPEN cases of which none is due, and the bytes
 *       it allocates, at 10,000 and at {@code -Dopen} open cases (default 1,000,000).
 * </ol>
 *
 * <p>Each of {@code -Druns} (5) timed runs seeds fresh cases, after {@code -Dwarmup} (2) uncounted
 * ones; medians are printed with every run, the CPU time per transition (of this JVM, and of the
 * local postgres processes, which a shared machine disturbs less than the wall clock) and the load
 * average. Run as {@code docs/benchmarks/jdbc.md} says: {@code -Dexec.args=postgres|h2|both},
 * {@code -Dcases=20000}, {@code -Dopen=1000000}, {@code -Druns=5}, {@code -Dwarmup=2}, and
 * {@code -Dh2.options=;KEY=VALUE} to try H2 URL settings.
 */
public final class JdbcBenchmark {
  private static final Instant NOW = Instant.parse("2026-02-15T08:00:00Z");
  private static final int BATCH = 500;

  private final String label;
  private final DataSource ds;
  private final long postmasterPid;

  private JdbcBenchmark(String label, DataSource ds) throws SQLException {
    this.label = label;
    this.ds = ds;
    this.postmasterPid = postgres() ? postmasterPid(ds) : 0;
  }

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "both";
    int cases = Integer.getInteger("cases", 20_000);
    int open = Integer.getInteger("open", 1_000_000);
    int runs = Integer.getInteger("runs", 5);
    int warmups = Integer.getInteger("warmup", 2);
    System.out.printf("nproc=%d, JDK %s, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"));
    if (!which.equals("h2")) {
      TestDatabase pg = TestDatabase.postgres();
      new JdbcBenchmark("PostgreSQL " + version(pg.unpooled()), pool(pg.unpooled())).run(cases, open, runs, warmups);
    }
    if (!which.equals("postgres")) {
      Path dir = Files.createTempDirectory("dunning-bench-h2");
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
          + System.getProperty("h2.options", ""));
      new JdbcBenchmark("H2 " + version(h2) + " (file)", pool(h2)).run(cases, open, runs, warmups);
      deleteTree(dir.toFile());
    }
    System.exit(0);
  }

  /** One timed pass over N due cases: throughput and CPU per transition, in this JVM and in the server. */
  private record Sample(double rate, double jvmCpuMicros, double serverCpuMicros) {}

  @FunctionalInterface
  private interface Pass {
    int transitions() throws SQLException;
  }

  private Sample time(Pass pass) throws SQLException {
    long t0 = System.nanoTime();
    long jvm0 = processCpuNanos();
    long server0 = serverCpuNanos();
    int done = pass.transitions();
    double seconds = seconds(t0);
    return new Sample(done / seconds, (processCpuNanos() - jvm0) / 1e3 / done,
        (serverCpuNanos() - server0) / 1e3 / done);
  }

  private void run(int cases, int open, int runs, int warmups) throws Exception {
    JdbcCaseStore store = JdbcCaseStore.builder(ds).build();
    DueCaseHandler engineHandler = engineHandler();
    List<Sample> engine = new ArrayList<>();
    List<Sample> raw = new ArrayList<>();
    double[] perCase = new double[2]; // events, messages
    System.out.printf(Locale.ROOT, "%n## %s%n%s%n", label, loadAverage());
    for (int r = -warmups; r < runs; r++) { // negative runs warm the JIT and the database up, uncounted
      empty();
      seed(cases, NOW.minusSeconds(60), "T" + r + "-");
      Sample e = time(() -> {
        int done = 0;
        int claimed;
        do {
          claimed = store.processDue(NOW, BATCH, engineHandler);
          done += claimed;
        } while (claimed == BATCH);
        perCase[0] = count("SELECT COUNT(*) FROM dunning_event") / (double) done;
        perCase[1] = count("SELECT COUNT(*) FROM dunning_outbox") / (double) done;
        return done;
      });
      empty();
      seed(cases, NOW.minusSeconds(60), "R" + r + "-");
      Sample w = time(() -> RawCeiling.run(ds, postgres(), NOW, BATCH, (int) Math.round(perCase[0]),
          (int) Math.round(perCase[1])));
      if (r >= 0) {
        engine.add(e);
        raw.add(w);
      }
    }
    double engineMedian = median(engine, Sample::rate);
    double rawMedian = median(raw, Sample::rate);
    System.out.printf(Locale.ROOT, "transitions/s, engine decision + store: %s -> median %.0f%n",
        list(engine, Sample::rate), engineMedian);
    System.out.printf(Locale.ROOT, "transitions/s, raw JDBC ceiling:        %s -> median %.0f (%.1f events, %.1f messages "
        + "per case)%n", list(raw, Sample::rate), rawMedian, perCase[0], perCase[1]);
    System.out.printf(Locale.ROOT, "engine / raw: %.0f%%%n", 100 * engineMedian / rawMedian);
    System.out.printf(Locale.ROOT, "CPU us per transition, this JVM (all threads): engine %s -> median %.0f, raw %s -> "
        + "median %.0f%n", list(engine, Sample::jvmCpuMicros), median(engine, Sample::jvmCpuMicros),
        list(raw, Sample::jvmCpuMicros), median(raw, Sample::jvmCpuMicros));
    if (postgres()) {
      System.out.printf(Locale.ROOT, "CPU us per transition, this PostgreSQL server's processes: engine %s -> median "
          + "%.0f, raw %s -> median %.0f%n", list(engine, Sample::serverCpuMicros),
          median(engine, Sample::serverCpuMicros), list(raw, Sample::serverCpuMicros),
          median(raw, Sample::serverCpuMicros));
    }
    double engineCpu = median(engine, Sample::jvmCpuMicros) + median(engine, Sample::serverCpuMicros);
    double rawCpu = median(raw, Sample::jvmCpuMicros) + median(raw, Sample::serverCpuMicros);
    System.out.printf(Locale.ROOT, "engine / raw by CPU per transition (%s): %.0f%%%n",
        postgres() ? "JVM + postgres" : "JVM", 100 * rawCpu / engineCpu);
    System.out.println(loadAverage());

    empty();
    MutableClock clock = MutableClock.at(NOW);
    var builder = RecoveryEngine.builder().store(store).clock(clock).creditor(CaseFixtures.creditor());
    RecordingChannel.forEveryType().forEach(builder::channel);
    RecoveryEngine idleEngine = builder.build();
    int seeded = 0;
    for (int target : open > 10_000 ? new int[] {10_000, open} : new int[] {open}) {
      seed(target - seeded, NOW.plus(Duration.ofDays(30)), "O" + seeded + "-");
      seeded = target;
      analyze();
      idle(idleEngine, seeded);
    }
  }

  private void idle(RecoveryEngine engine, int openCases) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 200; i++) {
      engine.tick();
    }
    int n = 200;
    double[] millis = new double[n];
    long allocated = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      engine.tick();
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    long perTick = (threads.getCurrentThreadAllocatedBytes() - allocated) / n;
    Arrays.sort(millis);
    System.out.printf(Locale.ROOT, "idle tick over %,d open cases: median %.2f ms, p99 %.2f ms, %,d bytes allocated per tick%n",
        openCases, millis[n / 2], millis[n * 99 / 100], perTick);
  }

  /** The engine's own decision for a due case, as {@code RecoveryEngine.tick()} hands it to the store. */
  private static DueCaseHandler engineHandler() {
    Decider decider = new Decider(new Playbooks(List.of(Playbook.defaultPlaybook()), Playbook.DEFAULT_ID),
        EscalationPolicy.playbookOrder(), DeadlinePolicy.fromPlaybook(), ChannelRouter.reachablePreferredFirst());
    return new DueCaseHandler() {
      @Override
      public DueOutcome onDue(RecoveryCase c) {
        Step step = decider.decide(c, NOW);
        return new CaseChange(step.updated(), step.events(), step.messages(), step.cancelPending());
      }

      @Override
      public CaseFailure onUnreadable(String caseId, long version, int failures, RuntimeException error) {
        throw new IllegalStateException(error);
      }
    };
  }

  /** Inserts {@code n} OPEN cases due at {@code due}, 1,000 per transaction, with their invoice index rows. */
  private void seed(int n, Instant due, String idPrefix) throws SQLException {
    RecoveryCase template = CaseFixtures.openCase("x", due);
    String debtor = JsonCodec.writeDebtor(template.debtor());
    String claims = JsonCodec.writeClaims(template.claims());
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO dunning_case (id, tenant_id, playbook_id, debtor_id, "
          + "debtor, claims, opened_at, origin, stage_attempt, status, next_action_at, currency, fees, paid, failures, "
          + "version) VALUES (?, 'acme', 'default', ?, ?, ?, ?, 'demand', 0, 'open', ?, 'EUR', 0, 0, 0, 0)");
          PreparedStatement inv = c.prepareStatement(
              "INSERT INTO dunning_case_invoice (case_id, pos, invoice_number) VALUES (?, 0, ?)")) {
        for (int i = 0; i < n; i++) {
          String id = idPrefix + i;
          ps.setString(1, id);
          ps.setString(2, "D-" + id);
          ps.setString(3, debtor);
          ps.setString(4, claims);
          ps.setObject(5, OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC));
          // spread over a minute so the index has many distinct keys, as real cases do
          ps.setObject(6, OffsetDateTime.ofInstant(due.plusMillis(i % 60_000), ZoneOffset.UTC));
          ps.addBatch();
          inv.setString(1, id);
          inv.setString(2, "INV-" + id);
          inv.addBatch();
          if ((i + 1) % 1000 == 0 || i == n - 1) {
            ps.executeBatch();
            inv.executeBatch();
            c.commit();
          }
        }
      }
    }
  }

  private void empty() throws SQLException {
    for (String t : new String[] {"event", "outbox", "case_invoice", "document", "portal_token", "case"}) {
      exec(postgres() ? "TRUNCATE dunning_" + t + " CASCADE" : "DELETE FROM dunning_" + t);
    }
  }

  private void analyze() throws SQLException {
    exec(postgres() ? "VACUUM ANALYZE dunning_case" : "ANALYZE");
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static DataSource pool(DataSource unpooled) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(unpooled);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private static String version(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  /** CPU time of every thread of this JVM, so H2's background writer counts too. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
    double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static String list(List<Sample> samples, ToDoubleFunction<Sample> value) {
    return Arrays.toString(samples.stream().mapToDouble(value).mapToLong(Math::round).toArray());
  }

  private boolean postgres() {
    return label.startsWith("PostgreSQL");
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%s, load average %.2f", Instant.now().truncatedTo(ChronoUnit.SECONDS),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * The CPU time of this benchmark's PostgreSQL server on this machine: its postmaster (with the
   * children it has reaped) and its live children (backends, checkpointer, WAL writer…), from
   * /proc; other servers on the machine (other builds' tests) are not counted. 0 for H2, for a
   * server elsewhere, or where there is no /proc.
   */
  private long serverCpuNanos() {
    if (postmasterPid <= 0) {
      return 0;
    }
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) processes::iterator) {
        String pid = p.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] fields = stat(Long.parseLong(pid));
        if (fields == null) {
          continue;
        }
        boolean postmaster = Long.parseLong(pid) == postmasterPid;
        if (postmaster || Long.parseLong(fields[1]) == postmasterPid) {
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          if (postmaster) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // ended backends: cutime, cstime
          }
        }
      }
    } catch (IOException noProc) {
      return 0;
    }
    return ticks * 10_000_000L; // USER_HZ = 100 on Linux
  }

  /** The postmaster of the server behind {@code ds}: the parent of a backend, if it runs here. */
  private static long postmasterPid(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      String[] fields = stat(rs.getLong(1));
      return fields == null ? 0 : Long.parseLong(fields[1]);
    }
  }

  /** The fields of /proc/{pid}/stat after the command name (state first, then ppid…), or null. */
  private static String[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException gone) {
      return null; // no such process (any more), or no /proc
    }
  }

  private static void deleteTree(File f) {
    File[] children = f.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteTree(child);
      }
    }
    f.delete();
  }
}
