package dev.dunning.examples.demo;

import dev.dunning.RecoveryEngine;
import dev.dunning.RecoveryEngineBuilder;
import dev.dunning.TickReport;
import dev.dunning.intake.IntakeService;
import dev.dunning.jdbc.JdbcCaseStore;
import dev.dunning.mail.EmailChannel;
import dev.dunning.mail.LetterChannel;
import dev.dunning.mail.PdfLetterRenderer;
import dev.dunning.mail.SmtpSettings;
import dev.dunning.model.ChannelType;
import dev.dunning.policy.Backoff;
import dev.dunning.portal.ManagerReview;
import dev.dunning.portal.PaymentPlans;
import dev.dunning.portal.PortalLinks;
import dev.dunning.portal.PortalService;
import dev.dunning.spi.CreditorDirectory;
import dev.dunning.spi.DocumentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The library objects the demo's pages use, wired the way a host application would wire them:
 * one engine on the JDBC store with real channels, and the intake, portal and review services
 * around it. Ticks are serialised here so the desk's "tick now" and the scheduler never overlap.
 *
 * @param engine the recovery engine
 * @param intake demands from colleagues
 * @param portal what debtors do with the link in their e-mails
 * @param review the manager's decisions on what debtors sent
 * @param plans instalment plans
 * @param documents letters, proofs and invoice copies
 * @param clock the simulated clock the desk advances
 */
public record DemoServices(RecoveryEngine engine, IntakeService intake, PortalService portal, ManagerReview review,
    PaymentPlans plans, DocumentStore documents, DemoClock clock) {

  /** The path of portal links; {@code {tenant}} and {@code {token}} are filled in by {@link PortalLinks}. */
  public static final String PORTAL_PATH = "/p/{tenant}/{token}";

  /**
   * Wires everything over {@code dataSource}: e-mail to the SMTP server on {@code smtpPort}, letters
   * to {@code outgoing}, portal links under {@code baseUri}.
   */
  public static DemoServices wire(DataSource dataSource, DemoClock clock, int smtpPort, Path outgoing, String baseUri) {
    JdbcCaseStore store = JdbcCaseStore.builder(dataSource).build();
    DocumentStore documents = store.documentStore(clock);
    PortalLinks links = PortalLinks.builder(store.portalTokenStore(), clock).baseUri(baseUri + PORTAL_PATH).build();
    // demands and instalment plans live in the same database as the cases, so they survive a restart
    PaymentPlans plans = new PaymentPlans(store.paymentPlanStore());
    SmtpSettings smtp = SmtpSettings.builder("127.0.0.1", smtpPort).startTls(SmtpSettings.StartTls.DISABLED)
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10)).build();
    CreditorDirectory creditors = CreditorDirectory.of(DemoSeed.creditor());
    RecoveryEngineBuilder builder = RecoveryEngine.builder().store(store).clock(clock).creditors(creditors)
        .channel(EmailChannel.builder(smtp).clock(clock).build())
        .channel(LetterChannel.toFolder(ChannelType.LETTER, outgoing.resolve("letter"), clock))
        .channel(LetterChannel.toFolder(ChannelType.REGISTERED_LETTER, outgoing.resolve("registered"), clock))
        .channel(new LoggingChannel(ChannelType.COURT_FILING))
        .channel(new LoggingChannel(ChannelType.COLLECTION_AGENCY))
        .documentRenderer(PdfLetterRenderer.builder().clock(clock).rightWindow().build())
        .documentStore(documents)
        .portalLinks(links).listener(links).listener(plans)
        // retry soon: in the demo a failed e-mail is more likely a restart than an overloaded provider
        .deliveryBackoff(Backoff.exponential(Duration.ofSeconds(10), 2, Duration.ofMinutes(10)));
    RecoveryEngine engine = builder.build();
    IntakeService intake = IntakeService.builder(engine, creditors).store(store.demandStore())
        .documentStore(documents).zone(DemoSeed.CREDITOR_ZONE).build();
    PortalService portal = PortalService.builder(engine, links).creditors(creditors).documentStore(documents)
        .paymentPlans(plans).build();
    ManagerReview review = new ManagerReview(engine, plans, new MailNotifier(smtpPort, creditors, clock));
    return new DemoServices(engine, intake, portal, review, plans, documents, clock);
  }

  /** Runs one tick; never two at once. */
  public TickReport tick() {
    synchronized (engine) {
      return engine.tick();
    }
  }

  /** Moves simulated time forward by {@code days}; the next tick does what became due. */
  public Instant advanceDays(int days) {
    return clock.advanceDays(days);
  }
}
