package dev.dunning.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.TickReport;
import dev.dunning.jdbc.JdbcCaseStore;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.PrintStream;
import java.time.LocalDate;

/**
 * Embedding Dunning on PostgreSQL 15+ through a HikariCP pool, as a production host would: the
 * store borrows a connection per operation, several instances may tick the same database.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java
 * -Dexec.mainClass=dev.dunning.examples.EmbedWithPostgresMain
 * -Dexec.args="jdbc:postgresql://localhost:5432/app app secret"} (or set {@code DUNNING_PG_URL},
 * {@code DUNNING_PG_USER} and {@code DUNNING_PG_PASSWORD}).
 */
public final class EmbedWithPostgresMain {
  private EmbedWithPostgresMain() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : System.getenv("DUNNING_PG_URL");
    if (url == null || url.isBlank()) {
      System.err.println("usage: EmbedWithPostgresMain JDBC_URL [USER [PASSWORD]] (or DUNNING_PG_URL, _USER, _PASSWORD)");
      System.exit(2);
    }
    run(url, args.length > 1 ? args[1] : System.getenv("DUNNING_PG_USER"),
        args.length > 2 ? args[2] : System.getenv("DUNNING_PG_PASSWORD"), System.out);
  }

  /** Opens case PG-1 on the database at {@code url}, ticks once, and returns the case as stored. */
  public static RecoveryCase run(String url, String user, String password, PrintStream out) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcCaseStore store = JdbcCaseStore.builder(pool).build(); // creates the dunning_* tables if missing
      MutableClock clock = MutableClock.at("2026-03-03T10:00:00Z"); // Clock.systemUTC() in production
      RecoveryEngineBuilder builder = RecoveryEngine.builder().store(store).clock(clock)
          .creditor(LadderWalkthroughMain.acme());
      RecordingChannel email = new RecordingChannel(ChannelType.EMAIL); // your EmailChannel here
      builder.channel(email);
      RecordingChannel.forEveryType().stream().filter(c -> c.type() != ChannelType.EMAIL).forEach(builder::channel);
      RecoveryEngine engine = builder.build();
      if (engine.find("PG-1").isEmpty()) {
        Debtor debtor = Debtor.builder("D-7", "Bakkerij Peeters BV").email("boekhouding@peeters.example")
            .address(PostalAddress.of("Kerkstraat 12", "9000", "Gent", "BE")).build();
        engine.open(NewCase.builder("acme", debtor).id("PG-1").claim(Claim.of("INV-2001", LocalDate.of(2026, 1, 30),
            LocalDate.of(2026, 3, 1), Money.of("860.00", "EUR"), "INV-2001")).build());
      }
      TickReport report = engine.tick();
      RecoveryCase c = engine.find("PG-1").orElseThrow();
      out.printf("%s; case %s at %s, deadline %s; %d e-mail(s) sent%n", report, c.id(), c.stageId(), c.deadline(),
          email.sent().size());
      return c;
    }
  }
}
