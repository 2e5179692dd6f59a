package dev.dunning.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How {@link EmailChannel} reaches its SMTP server: host, port, STARTTLS, credentials and time-outs.
 * Jakarta Mail waits forever by default; these settings never do (10 s to connect, 30 s per read or
 * write unless you say otherwise), so a hung server cannot stall the host's dispatch thread.
 *
 * @param host the server's host name or address
 * @param port 1..65535
 * @param startTls whether to upgrade the connection with STARTTLS
 * @param username the login, or empty for none
 * @param password the password (never printed by {@link #toString()})
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for each server reply
 * @param writeTimeout how long a write may block
 * @since 0.1
 */
public record SmtpSettings(String host, int port, StartTls startTls, String username, String password,
    Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

  /** Whether and how the connection is upgraded to TLS. */
  public enum StartTls {
    /** Plain text: only for a relay on the same host or network. */
    DISABLED,
    /** TLS when the server offers it, plain otherwise. */
    OPPORTUNISTIC,
    /** TLS or no connection: the server must offer STARTTLS and its certificate must match the host. */
    REQUIRED
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
    }
    startTls = Objects.requireNonNullElse(startTls, StartTls.REQUIRED);
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
    if (username.isEmpty() && !password.isEmpty()) {
      throw new IllegalArgumentException("username must be set when a password is");
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
    writeTimeout = positive(writeTimeout, DEFAULT_WRITE_TIMEOUT, "writeTimeout");
  }

  private static Duration positive(Duration value, Duration fallback, String field) {
    Duration d = Objects.requireNonNullElse(value, fallback);
    if (d.isZero() || d.isNegative() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " must be between 1 ms and 24 days, was " + d);
    }
    return d;
  }

  /** Settings for {@code host:port} with STARTTLS required, no login and the default time-outs. */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  public boolean authenticates() {
    return !username.isEmpty();
  }

  /** The Jakarta Mail session properties these settings stand for. */
  Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(readTimeout.toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(writeTimeout.toMillis()));
    p.setProperty("mail.smtp.auth", Boolean.toString(authenticates()));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls != StartTls.DISABLED));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls == StartTls.REQUIRED));
    if (startTls != StartTls.DISABLED) {
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    // names and subjects in UTF-8; file names of attachments encoded per RFC 2231
    p.setProperty("mail.mime.charset", "UTF-8");
    return p;
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", startTls=" + startTls + ", username=" + username
        + ", password=" + (password.isEmpty() ? "none" : "****") + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout + "]";
  }

  /** Builds {@link SmtpSettings}; validation runs in {@link #build()}. */
  public static final class Builder {
    private final String host;
    private final int port;
    private StartTls startTls = StartTls.REQUIRED;
    private String username = "";
    private String password = "";
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
    }

    public Builder startTls(StartTls startTls) {
      this.startTls = Objects.requireNonNull(startTls, "startTls");
      return this;
    }

    public Builder login(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
      return this;
    }

    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Objects.requireNonNull(timeout, "writeTimeout");
      return this;
    }

    public SmtpSettings build() {
      return new SmtpSettings(host, port, startTls, username, password, connectTimeout, readTimeout, writeTimeout);
    }
  }
}
