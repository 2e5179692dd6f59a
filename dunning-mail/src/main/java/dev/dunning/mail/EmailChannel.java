package dev.dunning.mail;

import dev.dunning.mail.internal.DunningMimeMessage;
import dev.dunning.mail.internal.EmailComposer;
import dev.dunning.mail.internal.HeaderGuard;
import dev.dunning.mail.internal.MailContextLoader;
import dev.dunning.mail.internal.SmtpFailures;
import dev.dunning.mail.internal.TemplateCatalog;
import dev.dunning.model.ChannelType;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.spi.Channel;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.DeliveryResult;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.spi.Receipt;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends reminders and formal notices as e-mail over SMTP (Jakarta Mail): text and HTML from the
 * {@link Templates} in the debtor's language, the letter and invoice copies attached, From and
 * Reply-To the creditor's contact address, and a Message-ID derived from the outbox idempotency key
 * so a retried message is recognisably the same. A dispatch batch shares one SMTP connection.
 *
 * <p>Failures: only what concerns one debtor's message is permanent — the server refusing the
 * recipient (5xx to RCPT TO) or the content (5xx after the data), an invalid address, a line break
 * in a header value (a header injection attempt) — and the engine falls back to the stage's next
 * channel. Anything about the channel's own setup is retried with backoff and logged at ERROR:
 * an unreachable server, a time-out, a failed greeting, EHLO, STARTTLS or login (a wrong password
 * fails the whole batch, retryably), a 5xx to MAIL FROM (the relay refuses the sender); so are 4xx
 * replies.
 *
 * <p>Each message is rendered from the first of its {@link OutboundMessage#templateCandidates()} this
 * channel's templates have: the engine's {@link TemplateResolver} chose them.
 * Thread-safe.
 *
 * <pre>{@code
 * EmailChannel email = EmailChannel.builder(SmtpSettings.builder("smtp.example.com", 587)
 *         .login("dunning", secret).build())
 *     .clock(clock)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class EmailChannel implements Channel {
  private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);
  /** Where a registered-e-mail channel's own texts live under {@code email/}. */
  private static final String OWN_TEXTS = ChannelType.REGISTERED_EMAIL.code() + "/";

  private final ChannelType type;
  /**
   * Tried before each template id: {@code registered_email/} for {@link ChannelType#REGISTERED_EMAIL},
   * whose {@code email/registered_email/KEY…} texts come before {@code email/KEY…}; empty for plain e-mail.
   */
  private final String ownTexts;
  private final SmtpSettings smtp;
  /** {@code host:port}, for receipts and failures. */
  private final String server;
  private final Templates templates;
  private final Session session;
  private final EmailComposer composer;
  /**
   * The context class loader sendBatch last stood in for, and its stand-in (see
   * {@link MailContextLoader}), or null before the first batch. One pair only: threads with different
   * context class loaders taking turns rebuild it each time.
   */
  private volatile ContextLoaders contextLoaders;

  private record ContextLoaders(ClassLoader original, ClassLoader replacement) {}

  private EmailChannel(Builder b) {
    this.type = b.type;
    this.ownTexts = type == ChannelType.REGISTERED_EMAIL ? OWN_TEXTS : "";
    this.smtp = b.smtp;
    this.server = smtp.host() + ":" + smtp.port();
    this.templates = b.templates;
    this.session = Session.getInstance(smtp.toProperties());
    this.composer = new EmailComposer(templates.catalog(), session, b.clock, b.from, b.headers, ownTexts);
  }

  public static Builder builder(SmtpSettings smtp) {
    return new Builder(smtp);
  }

  @Override
  public ChannelType type() {
    return type;
  }

  @Override
  public Receipt send(OutboundMessage message) throws DeliveryException {
    DeliveryResult result = sendBatch(List.of(message)).get(0);
    if (!result.isSent()) {
      throw result.failure();
    }
    return result.receipt();
  }

  /**
   * Sends the batch over one SMTP connection, connecting again for the next message whenever the
   * connection is lost; once a connection cannot be opened, the rest of the batch fails retryably
   * without another attempt.
   */
  @Override
  public List<DeliveryResult> sendBatch(List<OutboundMessage> messages) {
    // Jakarta Mail looks its StreamProvider up through the context class loader about ten times per
    // message; the stand-in answers from memory, for this thread and this call only
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(contextLoader(original));
    try {
      return composeAndSend(messages);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private ClassLoader contextLoader(ClassLoader original) {
    ContextLoaders known = contextLoaders;
    if (known != null && known.original() == original) {
      return known.replacement();
    }
    // a dispatcher usually calls from one thread, so one remembered pair is enough; each new stand-in
    // also gets its own Jakarta Activation command map (cached per context class loader)
    ClassLoader replacement = MailContextLoader.over(original, session);
    contextLoaders = new ContextLoaders(original, replacement);
    return replacement;
  }

  private List<DeliveryResult> composeAndSend(List<OutboundMessage> messages) {
    List<DeliveryResult> results = new ArrayList<>(messages.size());
    Transport transport = null;
    DeliveryException unreachable = null;
    boolean senderRefusalLogged = false;
    try {
      for (OutboundMessage message : messages) {
        DunningMimeMessage mime;
        try {
          mime = composer.compose(message);
        } catch (DeliveryException e) {
          results.add(DeliveryResult.failed(message, e));
          continue;
        } catch (RuntimeException e) {
          results.add(DeliveryResult.failed(message, DeliveryException.retryable(
              "cannot render the e-mail for " + message.message().idempotencyKey() + ": " + e, e)));
          continue;
        }
        if (unreachable != null) {
          // the session could not be opened in this batch: do not wait for a time-out per message
          results.add(DeliveryResult.failed(message, unreachable));
          continue;
        }
        try {
          if (transport == null) {
            transport = connect();
          }
        } catch (MessagingException e) {
          // greeting, EHLO, STARTTLS or login: the channel's problem, the same for every message, so
          // the whole batch is retried rather than refused (a wrong password must not post letters)
          unreachable = SmtpFailures.connecting(e, "cannot connect to " + server);
          LOG.error("{}: {} message(s) of this batch will be retried; check the SMTP settings ({})",
              unreachable.getMessage(), messages.size() - results.size(), smtp);
          transport = null;
          results.add(DeliveryResult.failed(message, unreachable));
          continue;
        }
        try {
          transport.sendMessage(mime, mime.getAllRecipients());
          results.add(DeliveryResult.sent(message, new Receipt(mime.messageId(), "smtp " + server)));
        } catch (MessagingException e) {
          boolean refusesSender = SmtpFailures.refusesSender(e, mime.contentSent());
          DeliveryException failure = SmtpFailures.classify(e, "SMTP " + server, mime.contentSent(), refusesSender);
          results.add(DeliveryResult.failed(message, failure));
          if (refusesSender && !senderRefusalLogged) {
            // the relay refuses the sender, not the debtor: retried, but an operator has to act
            LOG.error("{} (message {}); retried with backoff", failure.getMessage(), message.message().idempotencyKey());
            senderRefusalLogged = true;
          }
          if (SmtpFailures.isConnectionLost(e)) {
            close(transport);
            transport = null;
          }
        }
      }
    } finally {
      close(transport);
    }
    return results;
  }

  private Transport connect() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    if (smtp.authenticates()) {
      transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
    } else {
      transport.connect();
    }
    return transport;
  }

  private static void close(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the messages are sent or failed already; a failed QUIT changes nothing for them
      }
    }
  }

  /**
   * Every stage on this channel needs a base subject and text template, every variant must be valid,
   * and every HTML template needs the text template of the same id (the one it goes with).
   */
  @Override
  public List<String> validate(Playbook playbook, TemplateResolver resolver) {
    // the chain the composer walks over each message's template candidates
    TemplateResolver chain = TemplateCatalog.preferring(ownTexts, Objects.requireNonNull(resolver, "resolver"));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < playbook.stages().size(); i++) {
      Stage stage = playbook.stages().get(i);
      if (stage.channels().contains(type)) {
        String where = "playbook '" + playbook.id() + "' stages[" + i + "] (" + stage.id() + ", " + type.code() + ")";
        TemplateCatalog catalog = templates.catalog();
        problems.addAll(catalog.checkStage(where, EmailComposer.FOLDER, stage.templateKey(),
            List.of("subject", "txt"), List.of("html"), type, chain, templates.searched()));
        problems.addAll(catalog.checkPaired(where, EmailComposer.FOLDER, stage.templateKey(), "html", "txt"));
        if (!ownTexts.isEmpty()) {
          // the channel's own texts are optional, but checked like the others when present
          problems.addAll(catalog.checkStage(where, EmailComposer.FOLDER, ownTexts + stage.templateKey(), List.of(),
              List.of("subject", "txt", "html"), type, chain, templates.searched()));
          problems.addAll(catalog.checkPaired(where, EmailComposer.FOLDER, ownTexts + stage.templateKey(), "html",
              "txt"));
        }
      }
    }
    return problems;
  }

  @Override
  public String toString() {
    return "EmailChannel[" + type.code() + ", " + smtp + "]";
  }

  /** Builds an {@link EmailChannel}. */
  public static final class Builder {
    private final SmtpSettings smtp;
    private ChannelType type = ChannelType.EMAIL;
    private Templates templates;
    private Clock clock = Clock.systemUTC();
    private String from;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(SmtpSettings smtp) {
      this.smtp = Objects.requireNonNull(smtp, "smtp");
    }

    /** {@link ChannelType#EMAIL} (the default) or {@link ChannelType#REGISTERED_EMAIL}, e.g. through a registered-mail relay. */
    public Builder type(ChannelType type) {
      Objects.requireNonNull(type, "type");
      if (type != ChannelType.EMAIL && type != ChannelType.REGISTERED_EMAIL) {
        throw new IllegalArgumentException("type must be EMAIL or REGISTERED_EMAIL, was " + type.code());
      }
      this.type = type;
      return this;
    }

    /** The texts. Default: {@link Templates#defaults()}. */
    public Builder templates(Templates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /** Dates the messages ("today" in texts, the Date header). Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sends from this address instead of each creditor's contact address (which stays the
     * Reply-To), e.g. when only one domain may send through the relay (SPF, DMARC).
     */
    public Builder from(String address) {
      Objects.requireNonNull(address, "from");
      if (!address.matches("[^\\s@<>]+@[A-Za-z0-9.-]+")) {
        throw new IllegalArgumentException("from must be a plain address such as billing@example.com, was '" + address + "'");
      }
      this.from = address;
      return this;
    }

    /** Adds a header to every message (e.g. {@code X-Mailer-Campaign}). */
    public Builder header(String name, String value) {
      if (!HeaderGuard.isFieldName(name)) {
        throw new IllegalArgumentException("header name must be printable ASCII without ':' or spaces, was '" + name + "'");
      }
      Objects.requireNonNull(value, "value");
      if (HeaderGuard.hasLineBreak(value)) {
        throw new IllegalArgumentException("header '" + name + "' value contains a line break (CR or LF)");
      }
      headers.put(name, value);
      return this;
    }

    public EmailChannel build() {
      if (templates == null) {
        templates = Templates.defaults();
      }
      return new EmailChannel(this);
    }
  }
}
