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
import java.lang.management.ManagementFactory;
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
 * Warm-up first, then the median of {@value #RUNS} runs; besides the wall-clock rate, each line
 * gives the CPU time per operation of the benchmark thread and of the whole JVM, and the bytes the
 * benchmark thread allocated, which a busy shared machine disturbs much less. Runs in a JVM of its
 * own (the {@code bench} profile's {@code exec:exec}); results go in docs/benchmarks/mail.md.
 *
 * <pre>
 * ./mvnw -q -pl dunning-mail -am verify -DskipTests -Pbench [-Dmail.bench=pdf|email]
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
    List<String> parts = args.length == 0 ? List.of("pdf", "email") : List.of(String.join(",", args).split(","));
    System.out.printf(Locale.ROOT, "machine: %d cores, Java %s (%s), %s, load average %.2f at start%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("each line: median of " + RUNS + " runs after warm-up; wall-clock rate, then per operation the"
        + " CPU time of the benchmark thread, of the whole JVM (GreenMail, GC and JIT included) and the bytes the"
        + " benchmark thread allocated; every run's rate in brackets");

    if (parts.contains("pdf")) {
      // letters first, in a quiet JVM, then e-mail
      PdfLetterRenderer renderer = PdfLetterRenderer.builder().clock(MutableClock.at(NOW)).build();
      List<OutboundMessage> notices = messages(LETTERS, "formal_notice");
      for (int i = 0; i < 3; i++) {
        runPdf(renderer, notices); // warm-up: the JIT needs a few hundred letters
      }
      Run[] pdf = new Run[RUNS];
      for (int i = 0; i < RUNS; i++) {
        pdf[i] = runPdf(renderer, notices);
      }
      print("formal-notice PDF", "letters/s", pdf);
      System.out.printf(Locale.ROOT, "  one formal notice: %d bytes of PDF%n", renderer.render(notices.get(0)).content().length);
    }
    if (!parts.contains("email")) {
      return;
    }
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try {
      int port = greenMail.getSmtp().getPort();
      SmtpSettings smtp = SmtpSettings.builder("127.0.0.1", port).startTls(SmtpSettings.StartTls.DISABLED).build();
      EmailChannel channel = EmailChannel.builder(smtp).clock(MutableClock.at(NOW)).build();
      List<OutboundMessage> messages = messages(EMAILS, "reminder1");
      Session session = Session.getInstance(props(port));
      List<MimeMessage> prepared = prepared(session, EMAILS);

      compare("Jakarta Mail defaults", channel, messages, session, prepared, greenMail);
      // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader for every body part unless
      // this JVM-wide property names it: the raw side gains from it, the library (which avoids the
      // lookup on its own) barely; shown so the comparison holds on a host that sets it
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
      compare("-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider", channel, messages,
          session, prepared, greenMail);
    } finally {
      greenMail.stop();
    }
  }

  private static void compare(String label, EmailChannel channel, List<OutboundMessage> messages, Session session,
      List<MimeMessage> prepared, GreenMail greenMail) throws Exception {
    Run[] library = new Run[RUNS];
    Run[] raw = new Run[RUNS];
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
    System.out.printf(Locale.ROOT, "[%s]%n", label);
    double lib = print("  e-mail, library (render + MIME + send)", "msg/s", library);
    double jm = print("  e-mail, raw Jakarta Mail (prepared messages)", "msg/s", raw);
    System.out.printf(Locale.ROOT, "  library overhead over raw (raw rate / library rate - 1): %.1f %%"
            + "; per message, benchmark-thread CPU: %.1f %%, JVM CPU: %.1f %%%n", (jm / lib - 1) * 100,
        (median(library, Run::threadCpuMicros) / median(raw, Run::threadCpuMicros) - 1) * 100,
        (median(library, Run::processCpuMicros) / median(raw, Run::processCpuMicros) - 1) * 100);
  }

  /** Prints the medians of {@code runs}; returns the median rate. */
  private static double print(String what, String unit, Run[] runs) {
    double rate = median(runs, Run::perSecond);
    System.out.printf(Locale.ROOT, "%s: %.0f %s; thread CPU %.0f µs, JVM CPU %.0f µs, %.0f KB allocated  runs %s%n",
        what, rate, unit, median(runs, Run::threadCpuMicros), median(runs, Run::processCpuMicros),
        median(runs, Run::allocatedKb), Arrays.toString(Arrays.stream(runs).mapToLong(r -> Math.round(r.perSecond()))
            .toArray()));
    return rate;
  }

  /** One timed run: the wall-clock rate and what it cost per message on the sending thread and in the whole JVM. */
  record Run(double perSecond, double threadCpuMicros, double processCpuMicros, double allocatedKb) {}

  /** Measures {@code n} operations of {@code body}. */
  private static Run measure(int n, ThrowingRunnable body) throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long thread = Thread.currentThread().getId();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long process0 = os.getProcessCpuTime();
    long alloc0 = threads.getThreadAllocatedBytes(thread);
    long start = System.nanoTime();
    body.run();
    double seconds = seconds(start);
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long process = os.getProcessCpuTime() - process0;
    long alloc = threads.getThreadAllocatedBytes(thread) - alloc0;
    return new Run(n / seconds, cpu / 1e3 / n, process / 1e3 / n, alloc / 1024.0 / n);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Run runLibrary(EmailChannel channel, List<OutboundMessage> messages, GreenMail greenMail)
      throws Exception {
    // GreenMail keeps every message it receives; emptied before each run so the heap stays flat
    greenMail.purgeEmailFromAllMailboxes();
    return measure(messages.size(), () -> {
      for (int i = 0; i < messages.size(); i += BATCH) {
        for (DeliveryResult r : channel.sendBatch(messages.subList(i, Math.min(messages.size(), i + BATCH)))) {
          if (!r.isSent()) {
            throw new IllegalStateException("not sent: " + r.failure());
          }
        }
      }
    });
  }

  private static Run runRaw(Session session, List<MimeMessage> prepared, GreenMail greenMail) throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    return measure(prepared.size(), () -> {
      for (int i = 0; i < prepared.size(); i += BATCH) {
        try (Transport transport = session.getTransport("smtp")) {
          transport.connect();
          for (MimeMessage m : prepared.subList(i, Math.min(prepared.size(), i + BATCH))) {
            transport.sendMessage(m, m.getAllRecipients());
          }
        }
      }
    });
  }

  private static Run runPdf(PdfLetterRenderer renderer, List<OutboundMessage> notices) throws Exception {
    long[] bytes = {0};
    Run run = measure(notices.size(), () -> {
      for (OutboundMessage m : notices) {
        bytes[0] += renderer.render(m).content().length;
      }
    });
    if (bytes[0] == 0) {
      throw new IllegalStateException("no output");
    }
    return run;
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

  private static double median(Run[] runs, java.util.function.ToDoubleFunction<Run> value) {
    double[] sorted = Arrays.stream(runs).mapToDouble(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
