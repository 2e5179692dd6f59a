package dev.dunning.jdbc;

import dev.dunning.jdbc.internal.Cases;
import dev.dunning.jdbc.internal.Demands;
import dev.dunning.jdbc.internal.Dialect;
import dev.dunning.jdbc.internal.Dialects;
import dev.dunning.jdbc.internal.Documents;
import dev.dunning.jdbc.internal.DueCases;
import dev.dunning.jdbc.internal.Migrator;
import dev.dunning.jdbc.internal.Outbox;
import dev.dunning.jdbc.internal.Plans;
import dev.dunning.jdbc.internal.Statements;
import dev.dunning.jdbc.internal.TablePrefix;
import dev.dunning.jdbc.internal.Tokens;
import dev.dunning.jdbc.internal.Tx;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.spi.CaseChange;
import dev.dunning.spi.CaseQuery;
import dev.dunning.spi.CaseStore;
import dev.dunning.spi.DeliveryOutcome;
import dev.dunning.spi.DueCaseHandler;
import dev.dunning.spi.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A durable {@link CaseStore} on H2 or PostgreSQL 15+, over the host's own {@link DataSource}
 * (pooled or not: the store borrows a connection per operation and returns it at once).
 *
 * <p>Several application instances may share one database and all call
 * {@code RecoveryEngine.tick()}: due cases and due messages are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, every case write carries a version check, and each batch of
 * transitions is written with its timeline events and outbox messages in one transaction, which
 * is never held open while anything is sent. A crashed instance's claimed cases are released with
 * its connection; its in-flight messages are re-delivered, with the same idempotency key, once its
 * lease has expired on the database clock.
 *
 * <pre>{@code
 * JdbcCaseStore store = JdbcCaseStore.builder(dataSource).build(); // migrates the schema
 * RecoveryEngine engine = RecoveryEngine.builder().store(store)
 *     .documentStore(store.documentStore(clock)) … .build();
 * }</pre>
 *
 * <p>The same database also keeps documents ({@link #documentStore}), portal tokens
 * ({@link #portalTokenStore}), intake demands ({@link #demandStore}) and payment plans
 * ({@link #paymentPlanStore}). Tables are named {@code <prefix>case}, {@code <prefix>event},
 * {@code <prefix>outbox}, … (prefix {@value Builder#DEFAULT_TABLE_PREFIX} by default) and created by
 * versioned scripts in the jar ({@code db/dunning/<h2|postgresql>/V001__init.sql}, {@code V002__…}),
 * recorded in {@code <prefix>schema_version}.
 *
 * @since 0.1
 */
public final class JdbcCaseStore implements CaseStore {
  private final Tx tx;
  private final Statements sql;
  private final Cases cases;
  private final DueCases due;
  private final Outbox outbox;

  private JdbcCaseStore(DataSource dataSource, Dialect dialect, String prefix, int maxBatchSize,
      boolean databaseClockLeases) {
    this.tx = new Tx(dataSource);
    this.sql = dialect.statements(prefix);
    this.cases = new Cases(tx, sql);
    this.due = new DueCases(tx, sql, maxBatchSize);
    this.outbox = new Outbox(tx, sql, databaseClockLeases);
  }

  /** Starts configuring a store over {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public RecoveryCase create(RecoveryCase recoveryCase, List<TimelineEvent> events, List<OutboxMessage> messages) {
    return cases.create(recoveryCase, events, messages);
  }

  /** @throws IllegalStateException naming the table and column if the stored row cannot be read */
  @Override
  public Optional<RecoveryCase> find(String caseId) {
    return cases.find(caseId);
  }

  @Override
  public RecoveryCase update(CaseChange change) {
    return cases.update(change);
  }

  @Override
  public List<TimelineEvent> timeline(String caseId) {
    return cases.timeline(caseId);
  }

  @Override
  public List<OutboxMessage> messages(String caseId) {
    return cases.messages(caseId);
  }

  /**
   * {@inheritDoc} A row the current code cannot read (see {@link #find}) is left out, so one bad
   * row does not take a whole desk listing down, and logged at WARN with its case id; a page may
   * therefore hold fewer cases than its limit although more follow.
   */
  @Override
  public List<RecoveryCase> query(CaseQuery query) {
    return cases.query(query);
  }

  /**
   * Claims due cases in transactions of at most {@link Builder#maxBatchSize} cases. A row that
   * cannot be read goes to {@link DueCaseHandler#onUnreadable}; an outcome that cannot be written
   * (e.g. a duplicate idempotency key) is recorded as that case's failure; the others proceed.
   */
  @Override
  public int processDue(Instant now, int limit, DueCaseHandler handler) {
    return due.processDue(now, limit, handler);
  }

  /**
   * Claims due messages. The lease is measured on the database clock unless
   * {@link Builder#leaseOnDatabaseClock(boolean)} was turned off; the returned messages show
   * {@code nextAttemptAt = now + lease} on the caller's clock either way. A row that cannot be read
   * is marked failed, with a MESSAGE_FAILED event naming the column on its case's timeline, and the
   * others are claimed.
   */
  @Override
  public List<OutboxMessage> claimMessages(Instant now, int limit, Duration lease) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    return outbox.claim(now, limit, Objects.requireNonNull(lease, "lease"));
  }

  @Override
  public boolean completeDelivery(DeliveryOutcome outcome) {
    return outbox.complete(outcome);
  }

  /** A document store in this store's database, stamping documents with {@code clock}. */
  public JdbcDocumentStore documentStore(Clock clock) {
    return new JdbcDocumentStore(new Documents(tx, sql, Objects.requireNonNull(clock, "clock")));
  }

  /** A portal token store in this store's database. */
  public JdbcPortalTokenStore portalTokenStore() {
    return new JdbcPortalTokenStore(new Tokens(tx, sql));
  }

  /** A store of intake demands in this store's database. */
  public JdbcDemandStore demandStore() {
    return new JdbcDemandStore(new Demands(tx, sql));
  }

  /** A store of the cases' latest payment plans in this store's database. */
  public JdbcPaymentPlanStore paymentPlanStore() {
    return new JdbcPaymentPlanStore(new Plans(tx, sql));
  }

  /** Configures a {@link JdbcCaseStore}; {@link #build()} detects the database and migrates it. */
  public static final class Builder {
    public static final String DEFAULT_TABLE_PREFIX = "dunning_";
    /** Cases or messages claimed per transaction, whatever limit the engine asks for. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 500;

    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private boolean migrate = true;
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private boolean leaseOnDatabaseClock = true;
    private boolean verifySchema = true;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The prefix of every table: a lower-case identifier of 1 to 30 characters. Default {@code dunning_}. */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = TablePrefix.validate(prefix);
      return this;
    }

    /**
     * Whether {@link #build()} applies pending schema scripts (default true). Turn it off where a
     * DBA applies them (see {@link #pendingMigrationSql()}, or run the scripts with Flyway using the
     * placeholder {@code prefix}); {@link #build()} then checks they were applied, unless
     * {@link #verifySchema(boolean)} is turned off too.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Whether {@link #build()}, when it does not {@linkplain #migrate migrate}, checks that
     * {@code <prefix>schema_version} records every script of this release (default true), so a
     * store on a missing or outdated schema fails at build time, pointing to
     * {@link #pendingMigrationSql()}, rather than at its first use. Turn it off where the scripts are
     * applied by a tool that keeps its own history, such as Flyway.
     */
    public Builder verifySchema(boolean verify) {
      this.verifySchema = verify;
      return this;
    }

    /**
     * At most this many cases or messages are claimed, locked and written per transaction, 1..10000
     * (default {@value #DEFAULT_MAX_BATCH_SIZE}); a larger engine batch is split into several.
     */
    public Builder maxBatchSize(int maxBatchSize) {
      if (maxBatchSize < 1 || maxBatchSize > 10_000) {
        throw new IllegalArgumentException("maxBatchSize must be between 1 and 10000, was " + maxBatchSize);
      }
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    /**
     * Whether delivery leases are measured on the database clock (default true), so instances
     * whose clocks disagree agree on when a lease expired. Turn off only where the caller's clock
     * must drive expiry, e.g. tests with a manual clock.
     */
    public Builder leaseOnDatabaseClock(boolean databaseClock) {
      this.leaseOnDatabaseClock = databaseClock;
      return this;
    }

    /** The SQL that {@link #build()} would apply, with the prefix filled in, for a DBA to review or run. */
    public String pendingMigrationSql() {
      return new Migrator(dataSource, Dialects.detect(dataSource), tablePrefix).pendingSql();
    }

    /**
     * Detects the database, applies pending migrations (or, with {@code migrate(false)}, checks that
     * none is pending), and builds the store. Instances starting together migrate one at a time;
     * on H2 the migration borrows a second connection for its lock.
     *
     * @throws JdbcStoreException if the database is not H2 or PostgreSQL 15+, a migration fails
     *     (the message names the script and statement), a table a script would create exists
     *     already, an applied script was changed, or, without migrations, a script is not applied
     */
    public JdbcCaseStore build() {
      Dialect dialect = Dialects.detect(dataSource);
      if (migrate) {
        new Migrator(dataSource, dialect, tablePrefix).migrate();
      } else if (verifySchema) {
        new Migrator(dataSource, dialect, tablePrefix).verify();
      }
      return new JdbcCaseStore(dataSource, dialect, tablePrefix, maxBatchSize, leaseOnDatabaseClock);
    }
  }
}
