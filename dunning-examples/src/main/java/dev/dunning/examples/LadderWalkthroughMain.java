package dev.dunning.examples;

import dev.dunning.NewCase;
import dev.dunning.PreviewStep;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.TickReport;
import dev.dunning.model.Actor;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A console walk through the default ladder on a simulated clock: three debtors, three months in a few
 * milliseconds. One pays after the first reminder, one after the formal notice, one goes to court.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java
 * -Dexec.mainClass=dev.dunning.examples.LadderWalkthroughMain}
 */
public final class LadderWalkthroughMain {
  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  private LadderWalkthroughMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the walk-through, printing to {@code out}; returns the engine for inspection. */
  public static RecoveryEngine run(PrintStream out) {
    LocalDate due = LocalDate.of(2026, 3, 2);
    MutableClock clock = MutableClock.at(due.minusDays(3).atTime(9, 0).atZone(BRUSSELS).toInstant());
    RecoveryEngineBuilder builder = RecoveryEngine.builder().clock(clock).creditor(acme());
    RecordingChannel.forEveryType().forEach(builder::channel);
    RecoveryEngine engine = builder.build();

    open(engine, "C-1", debtor("D-1", "Brasserie Dupont SPRL", "fr-BE"), "INV-1001", due, "480.00");
    open(engine, "C-2", debtor("D-2", "Bakkerij Peeters BV", "nl-BE"), "INV-1002", due, "1250.00");
    open(engine, "C-3", debtor("D-3", "Müller Handels GmbH", "de-DE"), "INV-1003", due, "9800.00");
    out.println("Future of C-3 if nobody pays:");
    for (PreviewStep step : engine.preview("C-3")) {
      out.printf("  %s  %-14s deadline %s  via %s%s%n", step.at().atZone(BRUSSELS).toLocalDate(), step.stageId(),
          step.deadline(), step.channels(), step.needsApproval() ? "  (needs approval)" : "");
    }

    for (int day = 0; day < 80; day++) {
      clock.advance(Duration.ofDays(1));
      TickReport report = engine.tick();
      if (!report.isIdle()) {
        out.printf("%s  tick: %d advanced, %d delivered%n", clock.instant().atZone(BRUSSELS).toLocalDate(),
            report.casesAdvanced(), report.delivered());
      }
      RecoveryCase c1 = engine.find("C-1").orElseThrow();
      if ("reminder1".equals(c1.stageId()) && !c1.isClosed()) {
        engine.recordPayment("C-1", c1.balance(), "bank transfer", Actor.host("bank-import"));
      }
      RecoveryCase c2 = engine.find("C-2").orElseThrow();
      if ("formal_notice".equals(c2.stageId()) && !c2.isClosed()) {
        engine.recordPayment("C-2", c2.balance(), "bank transfer", Actor.host("bank-import"));
      }
      if (engine.find("C-3").orElseThrow().pendingStageId() != null) {
        engine.approve("C-3", Actor.manager("collection manager"));
      }
    }
    for (String id : List.of("C-1", "C-2", "C-3")) {
      RecoveryCase c = engine.find(id).orElseThrow();
      out.printf("%n%s  %s  %s%s  balance %s%n", id, c.debtor().name(), c.status(),
          c.resolution() == null ? "" : "/" + c.resolution(), c.balance());
      for (TimelineEvent e : engine.timeline(id)) {
        out.printf("  %s  %-18s %-10s %s%n", e.at().atZone(BRUSSELS).toLocalDate(), e.type(), e.actor().kind(), e.detail());
      }
    }
    return engine;
  }

  private static void open(RecoveryEngine engine, String id, Debtor debtor, String invoice, LocalDate due, String amount) {
    engine.open(NewCase.builder("acme", debtor).id(id).openedBy(Actor.manager("collection manager"))
        .claim(Claim.of(invoice, due.minusDays(30), due, Money.of(amount, "EUR"), "+++090/9337/55493+++")).build());
  }

  private static Debtor debtor(String id, String name, String languageTag) {
    return Debtor.builder(id, name).kind(DebtorKind.B2B).locale(Locale.forLanguageTag(languageTag)).timeZone(BRUSSELS)
        .address(PostalAddress.of("Rue du Marché 1", "1000", "Bruxelles", "BE"))
        .email("accounts@" + id.toLowerCase(Locale.ROOT) + ".example").build();
  }

  static Creditor acme() {
    return new Creditor("acme", "ACME Services SA", List.of(new LegalId("BE_ENTERPRISE", "0403.091.220")),
        PostalAddress.of("Rue de la Loi 16", "1000", "Bruxelles", "BE"),
        new Creditor.Letterhead("Facility services", "https://acme.example", "Credit control", null, "#1F3A5F"),
        "+32 2 555 01 23", "credit@acme.example", "BE71096123456769", "GKCCBEBB");
  }
}
