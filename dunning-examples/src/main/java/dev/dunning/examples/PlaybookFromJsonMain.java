package dev.dunning.examples;

import dev.dunning.NewCase;
import dev.dunning.PreviewStep;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.PlaybookException;
import dev.dunning.playbook.PlaybookLoader;
import dev.dunning.testing.MutableClock;
import dev.dunning.testing.RecordingChannel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The ladder as data: a creditor's playbook read from JSON (a friendly pre-due reminder, two
 * reminders, a business-day formal notice with a fee, a hand-over to an agency after approval),
 * checked when loaded, and previewed for a case before anything is sent. A broken file is refused
 * with every problem and its path.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java
 * -Dexec.mainClass=dev.dunning.examples.PlaybookFromJsonMain} (or {@code -Dexec.args=my-playbook.json}).
 */
public final class PlaybookFromJsonMain {
  static final String RESOURCE = "/dev/dunning/examples/b2b-playbook.json";

  private PlaybookFromJsonMain() {}

  public static void main(String[] args) {
    run(args.length > 0 ? PlaybookLoader.fromPath(Path.of(args[0])) : PlaybookLoader.fromResource(RESOURCE), System.out);
    try {
      PlaybookLoader.fromJson("{\"id\": \"Bad Id\", \"stages\": [{\"id\": \"r1\", \"kind\": \"reminder\", "
          + "\"deadlineDays\": 0, \"channels\": [\"pigeon\"]}]}");
    } catch (PlaybookException e) {
      System.out.println("\nA broken playbook is refused at load time:\n" + e.getMessage());
    }
  }

  /** Previews a 5,000 EUR claim due on 2 March 2026 under {@code playbook}; returns the steps. */
  public static List<PreviewStep> run(Playbook playbook, PrintStream out) {
    RecoveryEngineBuilder builder = RecoveryEngine.builder().clock(MutableClock.at("2026-02-20T08:00:00Z"))
        .creditor(LadderWalkthroughMain.acme()).playbook(playbook);
    RecordingChannel.forEveryType().forEach(builder::channel);
    RecoveryEngine engine = builder.build(); // refuses a playbook whose channels are not registered
    Debtor debtor = Debtor.builder("D-3", "Müller Handels GmbH").email("buchhaltung@mueller.example")
        .address(PostalAddress.of("Hauptstraße 5", "10115", "Berlin", "DE")).build();
    engine.open(NewCase.builder("acme", debtor).id("JSON-1").playbook(playbook.id()).claim(Claim.of("RE-5001",
        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 2), Money.of("5000.00", "EUR"), "RE-5001")).build());
    List<PreviewStep> steps = engine.preview("JSON-1");
    out.println("Playbook '" + playbook.id() + "' for JSON-1 if nobody pays:");
    steps.forEach(s -> out.printf("  %s  %-10s deadline %-10s via %-30s balance %s%s%n", s.at(), s.stageId(),
        s.deadline(), s.channels(), s.balance(), s.needsApproval() ? "  (needs approval)" : ""));
    return steps;
  }
}
