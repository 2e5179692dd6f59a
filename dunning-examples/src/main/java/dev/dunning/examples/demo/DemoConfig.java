package dev.dunning.examples.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the demo starts: the web port on 127.0.0.1 (0 picks a free one), the folder its database,
 * letters and clock offset live in, how often the engine ticks (zero: only when the desk says so),
 * and the real clock simulated time is counted from.
 *
 * @param port the web server's port, 0..65535
 * @param dataDir where the H2 database, outgoing letters and the clock offset are kept
 * @param tickEvery the ticker's period, or {@link Duration#ZERO} for no scheduled ticks
 * @param baseClock the clock the desk's offset is added to
 */
public record DemoConfig(int port, Path dataDir, Duration tickEvery, Clock baseClock) {
  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("dunning-demo-data");
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(5);
  /** The environment variable that sets the port when {@code --port} is not given. */
  public static final String PORT_VARIABLE = "DUNNING_DEMO_PORT";

  public DemoConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tickEvery, "tickEvery");
    if (tickEvery.isNegative()) {
      throw new IllegalArgumentException("tickEvery must not be negative, was " + tickEvery);
    }
    Objects.requireNonNull(baseClock, "baseClock");
  }

  /**
   * The configuration for {@code args} ({@code --port N}, {@code --data DIR}) and the environment
   * ({@value #PORT_VARIABLE}); the system clock, ticking every 5 seconds.
   *
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  public static DemoConfig fromArgs(String[] args, Map<String, String> env) {
    int port = DEFAULT_PORT;
    String fromEnv = env.get(PORT_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      port = parsePort(PORT_VARIABLE, fromEnv);
    }
    Path data = DEFAULT_DATA_DIR;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i + 1 >= args.length || !(arg.equals("--port") || arg.equals("--data"))) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; usage: [--port N] [--data DIR]");
      }
      String value = args[++i];
      if (arg.equals("--port")) {
        port = parsePort("--port", value);
      } else {
        data = Path.of(value);
      }
    }
    return new DemoConfig(port, data, DEFAULT_TICK, Clock.systemUTC());
  }

  private static int parsePort(String name, String value) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the name of the setting
    }
    throw new IllegalArgumentException(name + " must be a port number between 0 and 65535, was '" + value + "'");
  }
}
