package dev.dunning.examples;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.policy.EscalationPolicy;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A policy of your own: large debts skip the friendly reminders and go straight to the formal
 * notice (registered letter and e-mail). The default ladder stays as it is for everyone else.
 * {@code jumpTo(stage, predicate)} takes any condition on the case (debtor kind, country, history).
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java
 * -Dexec.mainClass=dev.dunning.examples.CustomEscalationPolicyMain}
 */
public final class CustomEscalationPolicyMain {
  /** Above this open balance, the first step is the formal notice. */
  public static final BigDecimal FORMAL_NOTICE_ABOVE = new BigDecimal("10000");

  private CustomEscalationPolicyMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Opens a small and a large case and ticks once; returns the engine so their stages can be read. */
  public static RecoveryEngine run(PrintStream out) {
    MutableClock clock = MutableClock.at("2026-03-03T10:00:00Z");
    RecoveryEngineBuilder builder = RecoveryEngine.builder().clock(clock).creditor(LadderWalkthroughMain.acme())
        .escalationPolicy(EscalationPolicy.playbookOrder().jumpToAbove("formal_notice", FORMAL_NOTICE_ABOVE));
    RecordingChannel.forEveryType().forEach(builder::channel); // your e-mail and letter channels here
    RecoveryEngine engine = builder.build();

    open(engine, "SMALL-1", "Café Léon", "2400.00");
    open(engine, "LARGE-1", "Groupe Lenoir SA", "48500.00");
    engine.tick();
    for (String id : new String[] {"SMALL-1", "LARGE-1"}) {
      RecoveryCase c = engine.find(id).orElseThrow();
      out.printf("%-8s %-18s %10s -> %s (deadline %s)%n", id, c.debtor().name(), c.balance(), c.stageId(),
          c.deadline());
    }
    return engine;
  }

  private static void open(RecoveryEngine engine, String id, String name, String amount) {
    Debtor debtor = Debtor.builder("D-" + id, name).email("compta@" + id.toLowerCase() + ".example")
        .address(PostalAddress.of("10 rue de la Paix", "75002", "Paris", "FR")).build();
    engine.open(NewCase.builder("acme", debtor).id(id).claim(Claim.of("F-" + id, LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 2), Money.of(amount, "EUR"), "RF18" + id.hashCode())).build());
  }
}
