package dev.dunning.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dunning.TickReport;
import dev.dunning.examples.demo.web.DemoWeb;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole demo in one process: an H2 file database under the data folder, an SMTP server whose
 * mailbox the pages show, the engine ticking on a schedule the demo owns, and the web pages on
 * 127.0.0.1. {@link #close()} stops everything, newest first.
 */
public final class DemoApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

  private final DemoServices services;
  private final Mailbox mailbox;
  private final URI baseUri;
  private final Server server;
  private final Deque<AutoCloseable> resources;

  private DemoApp(DemoServices services, Mailbox mailbox, URI baseUri, Server server, Deque<AutoCloseable> resources) {
    this.services = services;
    this.mailbox = mailbox;
    this.baseUri = baseUri;
    this.server = server;
    this.resources = resources;
  }

  /** Starts the demo; seeds the data on first start. */
  public static DemoApp start(DemoConfig config) throws Exception {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      Path data = Files.createDirectories(config.dataDir()).toAbsolutePath();
      HikariDataSource db = database(data);
      resources.push(db);
      Mailbox mailbox = Mailbox.start();
      resources.push(mailbox);

      // bind the port first: the portal links in the e-mails must carry the real one
      QueuedThreadPool threads = new QueuedThreadPool(32, 4);
      threads.setName("demo-web");
      Server server = new Server(threads);
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(config.port());
      server.addConnector(connector);
      connector.open();
      resources.push(connector::close);
      resources.push(server::stop);
      URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());

      DemoClock clock = DemoClock.persistent(config.baseClock(), data.resolve("clock-offset.txt"));
      DemoServices services = DemoServices.wire(db, clock, mailbox.smtpPort(), data.resolve("outgoing"),
          base.toString());
      int seeded = DemoSeed.seed(services.engine());
      server.setHandler(DemoWeb.handler(services, mailbox));
      server.start();
      if (!config.tickEvery().isZero()) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-ticker"));
        ticker.scheduleWithFixedDelay(() -> tickQuietly(services), 0, config.tickEvery().toMillis(),
            TimeUnit.MILLISECONDS);
        resources.push(() -> {
          ticker.shutdown();
          ticker.awaitTermination(30, TimeUnit.SECONDS);
        });
      }
      LOG.info("demo started at {} (data in {}, {} case(s) seeded)", base, data, seeded);
      return new DemoApp(services, mailbox, base, server, resources);
    } catch (Exception | Error e) {
      closeAll(resources);
      throw e;
    }
  }

  public URI baseUri() {
    return baseUri;
  }

  public DemoServices services() {
    return services;
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  /** Blocks until the web server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static HikariDataSource database(Path data) {
    HikariConfig config = new HikariConfig();
    // the demo closes the database itself (close()), after its last tick, rather than in H2's own exit hook
    config.setJdbcUrl("jdbc:h2:file:" + data.resolve("dunning") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(8);
    config.setPoolName("demo-h2");
    return new HikariDataSource(config);
  }

  private static void tickQuietly(DemoServices services) {
    try {
      TickReport report = services.tick();
      if (!report.isIdle()) {
        LOG.info("tick: {} case(s) advanced, {} message(s) delivered", report.casesAdvanced(), report.delivered());
      }
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again: log, and try at the next period
      LOG.warn("tick failed; trying again at the next one", e);
    }
  }

  private static synchronized void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("while stopping the demo", e);
      }
    }
  }
}
