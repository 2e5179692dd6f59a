package dev.dunning.examples;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.Money;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.playbook.StageKind;
import dev.dunning.spi.Channel;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import dev.dunning.testing.MutableClock;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel of your own: an adapter for an SMS gateway. It maps the gateway's failures onto the
 * engine's retry rules (network trouble: retry later; a number the gateway refuses: permanent,
 * so the stage falls back to its next channel) and passes the idempotency key on, so a repeated
 * delivery after a crash is recognised by the gateway.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java
 * -Dexec.mainClass=dev.dunning.examples.CustomChannelMain}
 */
public final class CustomChannelMain {
  private CustomChannelMain() {}

  /** Your SMS provider's client: returns its message id, throws IOException on network trouble. */
  public interface SmsGateway {
    String send(String phone, String text, String idempotencyKey) throws IOException;
  }

  /** The adapter: one class implementing {@link Channel}, registered with the engine's builder. */
  public record SmsChannel(SmsGateway gateway) implements Channel {
    @Override
    public ChannelType type() {
      return ChannelType.SMS;
    }

    @Override
    public Receipt send(OutboundMessage m) throws DeliveryException {
      String phone = m.recoveryCase().debtor().phone();
      if (phone == null || !phone.matches("\\+[1-9][0-9]{7,14}")) {
        throw DeliveryException.permanent("not an E.164 mobile number: " + phone, null);
      }
      String text = m.creditor().name() + ": " + m.message().amountDue() + " is overdue, please pay by "
          + m.message().deadline() + " (ref " + m.recoveryCase().claims().get(0).paymentReference() + ")";
      try {
        return Receipt.of(gateway.send(phone, text, m.message().idempotencyKey()));
      } catch (IOException e) {
        throw DeliveryException.retryable("SMS gateway unreachable: " + e.getMessage(), e);
      }
    }
  }

  public static void main(String[] args) {
    List<String> outbox = new CopyOnWriteArrayList<>(); // stands in for your provider's client
    run((phone, text, key) -> outbox.add(phone + " <- " + text) ? "sms-" + outbox.size() : null);
    outbox.forEach(System.out::println);
  }

  /** Runs a one-stage SMS playbook for one debtor through {@code gateway}; returns the engine. */
  public static RecoveryEngine run(SmsGateway gateway) {
    Playbook sms = Playbook.builder("sms-first").stage(Stage.builder("sms_reminder", StageKind.REMINDER)
        .startDaysFromDueDate(1).deadlineDays(5).channels(ChannelType.SMS).template("reminder1").build()).build();
    MutableClock clock = MutableClock.at("2026-03-03T10:00:00Z");
    RecoveryEngine engine = RecoveryEngine.builder().clock(clock).creditor(LadderWalkthroughMain.acme())
        .playbook(sms).channel(new SmsChannel(gateway)).build();
    engine.open(NewCase.builder("acme", Debtor.builder("D-9", "Jan Janssens").phone("+32470123456").build())
        .id("SMS-1").claim(Claim.of("INV-77", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 2),
            Money.of("99.00", "EUR"), "+++123/4567/89002+++")).build());
    engine.tick();
    return engine;
  }
}
