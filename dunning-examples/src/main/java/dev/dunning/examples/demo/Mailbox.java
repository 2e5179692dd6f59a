package dev.dunning.examples.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's in-JVM SMTP server (GreenMail on 127.0.0.1, a free port) and what it received, read
 * back as plain values for the mailbox page. Every debtor address "exists": the demo's e-mails go
 * nowhere else. Messages live in memory only; a restart empties the mailbox.
 */
public final class Mailbox implements AutoCloseable {
  private final GreenMail greenMail;

  /** A file attached to a received message. */
  public record Attachment(String filename, String mediaType, byte[] content) {}

  /**
   * One received message.
   *
   * @param index its position in arrival order, stable while the server runs (the page's id)
   */
  public record Mail(int index, String subject, String from, String to, Instant sentAt, String text, String html,
      List<Attachment> attachments) {}

  private Mailbox(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Starts an SMTP server on 127.0.0.1 on a free port. */
  public static Mailbox start() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return new Mailbox(server);
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  /** Every message received, newest first. */
  public List<Mail> all() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    List<Mail> mails = new ArrayList<>(received.length);
    for (int i = received.length - 1; i >= 0; i--) {
      mails.add(read(i, received[i]));
    }
    return mails;
  }

  /** The message at {@code index} in arrival order. */
  public Optional<Mail> get(int index) {
    MimeMessage[] received = greenMail.getReceivedMessages();
    return index < 0 || index >= received.length ? Optional.empty() : Optional.of(read(index, received[index]));
  }

  /** Waits up to {@code millis} until at least {@code count} messages have arrived. */
  public boolean waitFor(int count, long millis) {
    return greenMail.waitForIncomingEmail(millis, count);
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private static Mail read(int index, MimeMessage m) {
    try {
      Parts parts = new Parts();
      parts.collect(m);
      return new Mail(index, m.getSubject(), addresses(m.getFrom()),
          addresses(m.getRecipients(MimeMessage.RecipientType.TO)),
          m.getSentDate() == null ? null : m.getSentDate().toInstant(), parts.text, parts.html, parts.attachments);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot read received message " + index, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read received message " + index, e);
    }
  }

  private static String addresses(Address[] list) {
    return list == null ? "" : Arrays.stream(list).map(Address::toString).collect(Collectors.joining(", "));
  }

  /** The first text and HTML bodies and every attachment of a message, depth first. */
  private static final class Parts {
    private String text = "";
    private String html = "";
    private final List<Attachment> attachments = new ArrayList<>();

    void collect(Part part) throws MessagingException, IOException {
      Object content = part.getContent();
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          collect(multipart.getBodyPart(i));
        }
      } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
        try (InputStream in = part.getInputStream()) {
          String type = part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
          attachments.add(new Attachment(part.getFileName() == null ? "attachment" : part.getFileName(), type,
              in.readAllBytes()));
        }
      } else if (part.isMimeType("text/plain") && text.isEmpty()) {
        text = String.valueOf(content);
      } else if (part.isMimeType("text/html") && html.isEmpty()) {
        html = String.valueOf(content);
      }
    }
  }
}
