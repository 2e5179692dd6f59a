package dev.dunning.mail.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dunning.mail.EmailChannel;
import dev.dunning.mail.PdfLetterRenderer;
import dev.dunning.mail.SmtpSettings;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.spi.DeliveryResult;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.testing.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Throughput of the e-mail channel against an in-JVM GreenMail, compared in the same run with raw
 * Jakarta Mail sending equivalent prepared messages over the same kind of connection (one per
 * batch of 200, as the engine's dispatcher hands them over), and of formal-notice PDF rendering.
 * Warm-up first, then the median of {@value #RUNS} runs. Results go in docs/benchmarks/mail.md.
 *
 * <pre>
 * ./mvnw -q -pl dunning-mail -am verify -DskipTests -Pbench
 * </pre>
 */
public final class MailBenchmark {
  private static final int RUNS = 9;
  private static final int EMAILS = 2_000;
  private static final int BATCH = 200;
  private static final int LETTERS = 300;
  private static final Instant NOW = Instant.parse("2026-02-25T10:00:00Z");

  private MailBenchmark() {}

  public static void main(String[] args) throws Exception {
    // GreenMail logs every session at INFO through slf4j-simple; printing that would be what we measure
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.out.printf(Locale.ROOT, "machine: %d cores, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"));

    // letters first, in a quiet JVM, then e-mail
    PdfLetterRenderer renderer = PdfLetterRenderer.builder().clock(MutableClock.at(NOW)).build();
    List<OutboundMessage> notices = messages(LETTERS, "formal_notice");
    double[] pdf = new double[RUNS];
    for (int i = 0; i < 3; i++) {
      runPdf(renderer, notices); // warm-up: the JIT needs a few hundred letters
    }
    for (int i = 0; i < RUNS; i++) {
      pdf[i] = runPdf(renderer, notices);
    }
    System.out.printf(Locale.ROOT, "formal-notice PDF, median of %d: %.0f letters/s  runs %s%n", RUNS, median(pdf),
        Arrays.toString(round(pdf)));

    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try {
      int port = greenMail.getSmtp().getPort();
      SmtpSettings smtp = SmtpSettings.builder("127.0.0.1", port).startTls(SmtpSettings.StartTls.DISABLED).build();
      EmailChannel channel = EmailChannel.builder(smtp).clock(MutableClock.at(NOW)).build();
      List<OutboundMessage> messages = messages(EMAILS, "reminder1");
      Session session = Session.getInstance(props(port));
      List<MimeMessage> prepared = prepared(session, EMAILS);

      compare("defaults", channel, messages, session, prepared, greenMail);
      // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader for every body part
      // unless this property names it; both sides below benefit alike
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
      compare("-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider", channel, messages,
          session, prepared, greenMail);
    } finally {
      greenMail.stop();
    }
  }

  private static void compare(String label, EmailChannel channel, List<OutboundMessage> messages, Session session,
      List<MimeMessage> prepared, GreenMail greenMail) throws Exception {
    double[] library = new double[RUNS];
    double[] raw = new double[RUNS];
    runLibrary(channel, messages, greenMail); // warm-up
    runRaw(session, prepared, greenMail);
    for (int i = 0; i < RUNS; i++) {
      // alternate which side goes first, so neither always inherits the other's garbage
      if (i % 2 == 0) {
        library[i] = runLibrary(channel, messages, greenMail);
        raw[i] = runRaw(session, prepared, greenMail);
      } else {
        raw[i] = runRaw(session, prepared, greenMail);
        library[i] = runLibrary(channel, messages, greenMail);
      }
    }
    double lib = median(library);
    double jm = median(raw);
    System.out.printf(Locale.ROOT, "[%s]%n", label);
    System.out.printf(Locale.ROOT, "  e-mail, library (render + MIME + send), median of %d: %.0f msg/s  runs %s%n",
        RUNS, lib, Arrays.toString(round(library)));
    System.out.printf(Locale.ROOT, "  e-mail, raw Jakarta Mail (prepared messages), median of %d: %.0f msg/s  runs %s%n",
        RUNS, jm, Arrays.toString(round(raw)));
    System.out.printf(Locale.ROOT, "  library overhead over raw: %.1f %%%n", (jm / lib - 1) * 100);
  }

  private static double runLibrary(EmailChannel channel, List<OutboundMessage> messages, GreenMail greenMail)
      throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    long start = System.nanoTime();
    for (int i = 0; i < messages.size(); i += BATCH) {
      for (DeliveryResult r : channel.sendBatch(messages.subList(i, Math.min(messages.size(), i + BATCH)))) {
        if (!r.isSent()) {
          throw new IllegalStateException("not sent: " + r.failure());
        }
      }
    }
    return messages.size() / seconds(start);
  }

  private static double runRaw(Session session, List<MimeMessage> prepared, GreenMail greenMail) throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    long start = System.nanoTime();
    for (int i = 0; i < prepared.size(); i += BATCH) {
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect();
        for (MimeMessage m : prepared.subList(i, Math.min(prepared.size(), i + BATCH))) {
          transport.sendMessage(m, m.getAllRecipients());
        }
      }
    }
    return prepared.size() / seconds(start);
  }

  private static double runPdf(PdfLetterRenderer renderer, List<OutboundMessage> notices) {
    long start = System.nanoTime();
    long bytes = 0;
    for (OutboundMessage m : notices) {
      bytes += renderer.render(m).content().length;
    }
    if (bytes == 0) {
      throw new IllegalStateException("no output");
    }
    return notices.size() / seconds(start);
  }

  /** Messages like the library's: multipart/alternative of about the same size, UTF-8, a fixed Message-ID. */
  private static List<MimeMessage> prepared(Session session, int n) throws Exception {
    String text = "Dear Debtor,\n\n" + "According to our records the following amounts are unpaid. ".repeat(20);
    String html = "<html><body><p>" + text + "</p></body></html>";
    List<MimeMessage> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress("billing@acme.test", "Service comptabilité, Acme SRL", "UTF-8"));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress("debtor@example.test", "Débiteur " + i, "UTF-8"));
      m.setSubject("Payment reminder – invoice INV-" + i, "UTF-8");
      MimeMultipart alt = new MimeMultipart("alternative");
      MimeBodyPart t = new MimeBodyPart();
      t.setText(text, "UTF-8", "plain");
      MimeBodyPart h = new MimeBodyPart();
      h.setText(html, "UTF-8", "html");
      alt.addBodyPart(t);
      alt.addBodyPart(h);
      m.setContent(alt);
      m.setSentDate(java.util.Date.from(NOW));
      m.setHeader("Auto-Submitted", "auto-generated");
      m.saveChanges();
      list.add(m);
    }
    return list;
  }

  private static List<OutboundMessage> messages(int n, String stageId) {
    Creditor creditor = new Creditor("acme", "Acme SRL", List.of(new LegalId("VAT", "BE0123456789")),
        new PostalAddress(List.of("Rue de la Loi 16"), "1000", "Bruxelles", "", "BE"),
        new Creditor.Letterhead("", "https://acme.test", "Service comptabilité", null, "#8A1538"),
        "+32 2 555 01 01", "billing@acme.test", "BE68539007547034", "GEBABEBB");
    Stage stage = Playbook.defaultPlaybook().stage(stageId).orElseThrow();
    Locale[] locales = {Locale.forLanguageTag("fr-BE"), Locale.forLanguageTag("nl-BE"), Locale.GERMANY, Locale.UK};
    List<OutboundMessage> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Locale locale = locales[i % locales.length];
      Debtor d = Debtor.builder("D" + i, "Débiteur " + i).locale(locale).timeZone(ZoneId.of("Europe/Brussels"))
          .email("debtor@example.test")
          .address(new PostalAddress(List.of("Kerkstraat " + i), "9000", "Gent", "", "BE")).build();
      Claim claim = Claim.of("INV-" + i, LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 24),
          Money.of("1234.56", "EUR"), "+++090/9337/55493+++");
      RecoveryCase c = new RecoveryCase.Builder().id("C-" + i).tenantId("acme").playbookId("default").debtor(d)
          .claims(List.of(claim)).openedAt(NOW).stageId(stageId).stageAttempt(1).deadline(LocalDate.of(2026, 3, 5))
          .build();
      OutboxMessage m = OutboxMessage.pending(c.id(), "acme", stageId, stage.kind(), 1, ChannelType.EMAIL, List.of(),
          stage.templateKey(), c.deadline(), c.balance(), NOW);
      list.add(new OutboundMessage(m, c, creditor, stage, locale, URI.create("https://portal.acme.test/p/" + i), List.of()));
    }
    return list;
  }

  private static Properties props(int port) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(Duration.ofSeconds(10).toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(Duration.ofSeconds(30).toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(Duration.ofSeconds(30).toMillis()));
    return p;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }
}
