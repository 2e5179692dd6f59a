package dev.dunning.examples;

import dev.dunning.examples.demo.DemoApp;
import dev.dunning.examples.demo.DemoConfig;
import java.io.IOException;
import java.net.BindException;

/**
 * The demo: a recovery desk on embedded defaults. Starts an H2 database under
 * {@code ./dunning-demo-data}, an SMTP server whose mailbox you read in the browser, the engine
 * ticking every 5 seconds, and the web pages on 127.0.0.1, then prints the address and runs until
 * Ctrl-C.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl dunning-examples exec:java}
 * (another port: {@code -Dexec.args="--port 9090"} or {@code DUNNING_DEMO_PORT=9090}).
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    DemoConfig config;
    try {
      config = DemoConfig.fromArgs(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    DemoApp app;
    try {
      app = DemoApp.start(config);
    } catch (IOException e) {
      if (e.getCause() instanceof BindException || e instanceof BindException) {
        System.err.println("port " + config.port() + " on 127.0.0.1 is in use: choose another with "
            + "-Dexec.args=\"--port 9090\" or DUNNING_DEMO_PORT=9090");
        System.exit(1);
      }
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "demo-shutdown"));
    System.out.println();
    System.out.println("Dunning demo running at " + app.baseUri() + "/  (Ctrl-C to stop)");
    System.out.println("  collection desk   " + app.baseUri() + "/desk");
    System.out.println("  demand form       " + app.baseUri() + "/demand");
    System.out.println("  mailbox           " + app.baseUri() + "/mailbox");
    System.out.println("  data              " + config.dataDir().toAbsolutePath());
    app.join();
  }
}
