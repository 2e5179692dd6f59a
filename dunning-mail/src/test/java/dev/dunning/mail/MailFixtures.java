package dev.dunning.mail;

import dev.dunning.NewCase;
import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
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
import dev.dunning.policy.Backoff;
import dev.dunning.spi.Document;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.testing.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The creditor, debtors, cases, messages and engines the mail tests share. */
final class MailFixtures {
  /** The first reminder of a claim due on 24 February runs on the 25th and gives until 5 March 2026. */
  static final Instant START = Instant.parse("2026-02-25T10:00:00Z");
  static final LocalDate ISSUED = LocalDate.of(2026, 1, 25);
  static final LocalDate DUE = LocalDate.of(2026, 2, 24);
  static final LocalDate DEADLINE = LocalDate.of(2026, 3, 5);
  static final String CREDITOR_EMAIL = "billing@acme.test";

  private MailFixtures() {}

  static Creditor creditor() {
    return creditor("EUR");
  }

  static Creditor creditor(String currencyHint) {
    return new Creditor("acme", "Acme SRL", List.of(new LegalId("BE_ENTERPRISE", "0123.456.789"),
        new LegalId("VAT", "BE0123456789")),
        new PostalAddress(List.of("Rue de la Loi 16"), "1000", "Bruxelles", "", "BE"),
        new Creditor.Letterhead("Office supplies since 1987", "https://acme.test", "Service comptabilité", null, "#8A1538"),
        "+32 2 555 01 01", CREDITOR_EMAIL, "BE68539007547034", "GEBABEBB");
  }

  static Debtor.Builder debtor(String name, Locale locale) {
    return Debtor.builder("D-" + Math.abs(name.hashCode()), name).locale(locale).timeZone(ZoneId.of("Europe/Brussels"))
        .email("debtor@example.test")
        .address(new PostalAddress(List.of("Kerkstraat 12"), "9000", "Gent", "", "BE"));
  }

  static Claim claim(String invoice, String amount, String currency) {
    return Claim.of(invoice, ISSUED, DUE, Money.of(amount, currency), "+++090/9337/55493+++");
  }

  /** A case at {@code stageId} with its deadline on {@link #DEADLINE}, as the engine would hand it to a channel. */
  static RecoveryCase recoveryCase(Debtor debtor, String stageId, List<Claim> claims) {
    return new RecoveryCase.Builder().id("C-1042").tenantId("acme").playbookId(Playbook.DEFAULT_ID).debtor(debtor)
        .claims(claims).openedAt(START).stageId(stageId).stageAttempt(1).deadline(DEADLINE).build();
  }

  static OutboundMessage message(RecoveryCase c, String stageId, ChannelType channel, URI portalLink,
      List<Document> attachments) {
    Stage stage = Playbook.defaultPlaybook().stage(stageId).orElseThrow();
    OutboxMessage m = OutboxMessage.pending(c.id(), c.tenantId(), stageId, stage.kind(), 1, channel, List.of(),
        stage.templateKey(), c.deadline(), c.balance(), START);
    return new OutboundMessage(m, c, creditor(), stage, c.debtor().locale(), portalLink, attachments);
  }

  static OutboundMessage reminder(Debtor debtor) {
    return message(recoveryCase(debtor, "reminder1", List.of(claim("INV-2026-001", "1234.56", "EUR"))), "reminder1",
        ChannelType.EMAIL, URI.create("https://portal.acme.test/p/s3cr3t"), List.of());
  }

  static SmtpSettings smtp(int port) {
    return SmtpSettings.builder("127.0.0.1", port).startTls(SmtpSettings.StartTls.DISABLED)
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).writeTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** An engine on the default playbook at {@link #START}; retries after 1 minute, then 2, 4, … */
  static RecoveryEngineBuilder engine(MutableClock clock) {
    return RecoveryEngine.builder().clock(clock).creditor(creditor())
        .deliveryBackoff(Backoff.exponential(Duration.ofMinutes(1), 2, Duration.ofHours(1)));
  }

  /**
   * An engine on the default playbook whose e-mail goes to {@code smtpPort}, whose letters are
   * rendered as PDF, kept in memory and written under {@code outgoing}/letter and /registered, and
   * whose court filings are recorded.
   */
  static RecoveryEngineBuilder mailEngine(MutableClock clock, int smtpPort, java.nio.file.Path outgoing) {
    return mailEngine(clock, smtp(smtpPort), outgoing, new dev.dunning.memory.InMemoryDocumentStore(clock));
  }

  /** As {@link #mailEngine(MutableClock, int, java.nio.file.Path)}, with these SMTP settings and documents. */
  static RecoveryEngineBuilder mailEngine(MutableClock clock, SmtpSettings smtp, java.nio.file.Path outgoing,
      dev.dunning.spi.DocumentStore documents) {
    return engine(clock)
        .channel(EmailChannel.builder(smtp).clock(clock).build())
        .channel(LetterChannel.toFolder(ChannelType.LETTER, outgoing.resolve("letter"), clock))
        .channel(LetterChannel.toFolder(ChannelType.REGISTERED_LETTER, outgoing.resolve("registered"), clock))
        .channel(new dev.dunning.testing.RecordingChannel(ChannelType.COURT_FILING))
        .documentRenderer(PdfLetterRenderer.builder().clock(clock).build())
        .documentStore(documents);
  }

  /** The PDFs written to a letter channel's folder. */
  static List<java.nio.file.Path> pdfsIn(java.nio.file.Path folder) throws IOException {
    if (!java.nio.file.Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
    }
  }

  static NewCase newCase(Debtor debtor, Claim... claims) {
    return NewCase.builder("acme", debtor).id("C-1042").claims(List.of(claims)).build();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pdfText(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int pdfPages(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The leaf parts of a received message, depth first: text, HTML, then attachments. */
  static List<Part> leaves(MimeMessage message) throws Exception {
    List<Part> parts = new ArrayList<>();
    collect(message, parts);
    return parts;
  }

  private static void collect(Part part, List<Part> into) throws Exception {
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, into);
      }
    } else {
      into.add(part);
    }
  }

  static String part(MimeMessage message, String mimeType) throws Exception {
    for (Part p : leaves(message)) {
      if (p.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
        return (String) p.getContent();
      }
    }
    throw new AssertionError("no " + mimeType + " part");
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
