package dev.dunning.examples;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.jdbc.JdbcCaseStore;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Embedding Dunning with a durable store in an H2 database file: the schema is created on first
 * use, and cases survive a restart. The clock is simulated so the run takes milliseconds; in
 * production pass {@code Clock.systemUTC()} and call {@code tick()} from your scheduler.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java
 * -Dexec.mainClass=dev.dunning.examples.EmbedWithH2Main} (the database goes to
 * {@code ./dunning-example-h2.mv.db}; pass another JDBC URL as the argument).
 */
public final class EmbedWithH2Main {
  static final String DEFAULT_URL =
      "jdbc:h2:file:./dunning-example-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private EmbedWithH2Main() {}

  public static void main(String[] args) {
    run(args.length > 0 ? args[0] : DEFAULT_URL, System.out);
  }

  /** Opens (or finds) case H2-1 on the database at {@code jdbcUrl}, ticks past its first deadline, and returns it. */
  public static RecoveryCase run(String jdbcUrl, PrintStream out) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(jdbcUrl);
    JdbcCaseStore store = JdbcCaseStore.builder(dataSource).build(); // applies pending schema migrations
    MutableClock clock = MutableClock.at("2026-03-03T10:00:00Z");
    RecoveryEngineBuilder builder = RecoveryEngine.builder().store(store).clock(clock)
        .creditor(LadderWalkthroughMain.acme()).documentStore(store.documentStore(clock));
    RecordingChannel.forEveryType().forEach(builder::channel); // your e-mail and letter channels here
    RecoveryEngine engine = builder.build();

    if (engine.find("H2-1").isEmpty()) {
      Debtor debtor = Debtor.builder("D-1", "Brasserie Dupont SPRL").email("accounts@dupont.example")
          .address(PostalAddress.of("Rue du Marché 1", "1000", "Bruxelles", "BE")).locale(Locale.forLanguageTag("fr-BE"))
          .build();
      engine.open(NewCase.builder("acme", debtor).id("H2-1").claim(Claim.of("INV-1042", LocalDate.of(2026, 2, 1),
          LocalDate.of(2026, 3, 2), Money.of("1234.56", "EUR"), "+++090/9337/55493+++")).build());
    }
    out.println("tick 1: " + engine.tick());  // the first reminder
    clock.advanceDays(9);
    out.println("tick 2: " + engine.tick());  // its deadline passed: the second reminder
    RecoveryCase c = engine.find("H2-1").orElseThrow();
    out.printf("case %s at %s, %s, balance %s, %d timeline events stored%n", c.id(), c.stageId(), c.status(),
        c.balance(), engine.timeline(c.id()).size());
    return c;
  }
}
