package dev.dunning.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo server as the tests use it: on a free port of 127.0.0.1, its data in a fresh temporary
 * folder, and no scheduled ticks, so each test decides when the engine moves (the desk's "Tick
 * now", or {@link #tick()}). Everything else is exactly what {@code DemoMain} starts.
 */
public final class DemoServerFixture implements AutoCloseable {
  private static final Pattern PORTAL_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/p/[^\\s]+");

  public final Path dataDir;
  public final DemoApp app;
  public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private DemoServerFixture(Path dataDir, DemoApp app) {
    this.dataDir = dataDir;
    this.app = app;
  }

  /** Starts a demo server with its seed data in a fresh folder; close it at the end. */
  public static DemoServerFixture start() {
    try {
      return start(Files.createTempDirectory("dunning-demo-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a demo server on the data in {@code dataDir} (seeding it if empty); close it at the end. */
  public static DemoServerFixture start(Path dataDir) {
    try {
      return new DemoServerFixture(dataDir, DemoApp.start(new DemoConfig(0, dataDir, Duration.ZERO, Clock.systemUTC())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the demo server", e);
    }
  }

  /** Stops this server, keeping its data folder, and starts another one on it: what a restart of the demo does. */
  public DemoServerFixture restart() {
    app.close();
    return start(dataDir);
  }

  /** {@code path} on the demo server, e.g. {@code /desk}. */
  public String url(String path) {
    return app.baseUri() + path;
  }

  public void tick() {
    app.services().tick();
  }

  /** Simulated today, in the creditor's zone. */
  public LocalDate today() {
    return LocalDate.now(app.services().clock().withZone(DemoSeed.CREDITOR_ZONE));
  }

  /** A seeded case as it is now. */
  public dev.dunning.model.RecoveryCase caseOf(String caseId) {
    return app.services().engine().find(caseId).orElseThrow(() -> new AssertionError("no case " + caseId));
  }

  /** The raw token of a portal link: its last path segment. */
  public static String tokenOf(URI portalLink) {
    String path = portalLink.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The portal link in the newest e-mail to {@code recipient}. */
  public URI portalLinkSentTo(String recipient) {
    return app.mailbox().all().stream().filter(m -> m.to().contains(recipient)).findFirst()
        .map(m -> {
          Matcher link = PORTAL_LINK.matcher(m.text());
          if (!link.find()) {
            throw new AssertionError("the e-mail to " + recipient + " has no portal link:\n" + m.text());
          }
          return URI.create(link.group());
        })
        .orElseThrow(() -> new AssertionError("no e-mail to " + recipient));
  }

  public HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  public HttpResponse<byte[]> getBytes(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is harmless
    }
  }
}
