package dev.dunning.mail.internal;

import com.samskivert.mustache.Escapers;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.spi.DeliveryException;
import dev.dunning.spi.Document;
import dev.dunning.spi.OutboundMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an outbound message into a MIME message: texts from the templates, multipart/alternative
 * (text + HTML) inside multipart/mixed when there are attachments, UTF-8 names and subject, and
 * a Message-ID derived from the idempotency key. Every header value taken from the message is
 * checked for line breaks before it is set (the channel's fixed headers were checked when
 * configured). Thread-safe.
 */
public final class EmailComposer {
  public static final String FOLDER = "email";
  /** What may follow the '@' of the Message-ID; compiled once, as it is checked for every message. */
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");

  /** The rendered texts of one e-mail. */
  public record Parts(String subject, String text, String html) {}

  private final TemplateCatalog catalog;
  private final Session session;
  private final Clock clock;
  private final String fromOverride;
  /** Added to every message; names and values checked once, by {@code EmailChannel.Builder.header}. */
  private final Map<String, String> headers;
  private final Formats.Cache formats = new Formats.Cache();
  /** Tried before each template id, e.g. {@code registered_email/}: a channel's own texts; empty for none. */
  private final String ownTexts;

  public EmailComposer(TemplateCatalog catalog, Session session, Clock clock, String fromOverride,
      Map<String, String> headers, String ownTexts) {
    this.catalog = catalog;
    this.ownTexts = ownTexts;
    this.session = session;
    this.clock = clock;
    this.fromOverride = fromOverride;
    this.headers = new LinkedHashMap<>(headers);
  }

  public Parts render(OutboundMessage m) {
    return render(m, MessageModel.of(m, clock, formats.get(m.locale())));
  }

  private Parts render(OutboundMessage m, Map<String, Object> model) {
    List<String> ids = TemplateCatalog.preferring(ownTexts, m.templateCandidates());
    String subjectPath = required(ids, "subject", m);
    String textPath = required(ids, "txt", m);
    String subject = catalog.render(subjectPath, model).strip();
    String text = catalog.render(textPath, model);
    // the HTML template of the text's own id, never one found further along the chain (another language)
    String htmlPath = htmlPath(textPath);
    String html = catalog.exists(htmlPath) ? catalog.render(htmlPath, model)
        : HtmlText.page(catalog.renderEscaped(textPath, model), Escapers.HTML.escape(subject), m.locale(),
            m.creditor().letterhead().accentColor());
    return new Parts(subject, text, html);
  }

  /** {@code email/reminder1_fr.html} for {@code email/reminder1_fr.txt}: the HTML part that goes with a text. */
  private static String htmlPath(String textPath) {
    return textPath.substring(0, textPath.length() - "txt".length()) + "html";
  }

  private String required(List<String> ids, String part, OutboundMessage m) {
    return catalog.resolve(FOLDER, part, ids).orElseThrow(
        () -> new IllegalStateException("no template " + TemplateCatalog.path(FOLDER, m.stage().templateKey(), part)
            + " for " + m.locale() + " (the engine's build checks should have caught this)"));
  }

  public DunningMimeMessage compose(OutboundMessage m) throws DeliveryException {
    Creditor creditor = m.creditor();
    Debtor debtor = m.recoveryCase().debtor();
    // check every value that ends up in a header before rendering anything
    HeaderGuard.require("debtor.name", debtor.name());
    HeaderGuard.require("creditor.name", creditor.name());
    HeaderGuard.require("creditor.letterhead.senderName", creditor.letterhead().senderName());
    String to = HeaderGuard.require("debtor.emails[0]", debtor.email());
    if (to == null) {
      throw DeliveryException.permanent("debtor.emails is empty: no address to send to", null);
    }
    String replyTo = HeaderGuard.require("creditor.contactEmail", creditor.contactEmail());
    String from = fromOverride != null ? fromOverride : replyTo;
    if (from.isBlank()) {
      throw DeliveryException.permanent("creditor.contactEmail is empty: no address to send from", null);
    }
    Map<String, Object> model = MessageModel.of(m, clock, formats.get(m.locale()));
    Parts parts = render(m, model);
    if (HeaderGuard.hasLineBreak(parts.subject())) {
      // the subject is made from values: name the ones to correct
      List<String> culprits = MessageModel.withLineBreaks(model);
      throw DeliveryException.permanent("subject (rendered from the " + m.stage().templateKey() + " subject template)"
          + " contains a line break (CR or LF), which is not allowed in an e-mail header; correct "
          + (culprits.isEmpty() ? "the subject template" : String.join(", ", culprits)), null);
    }
    String messageId = messageId(m.message().idempotencyKey(), from);
    DunningMimeMessage mime = new DunningMimeMessage(session, messageId);
    try {
      String display = MessageModel.senderName(creditor);
      display = display.equals(creditor.name()) ? display : display + ", " + creditor.name();
      mime.setFrom(address("From (creditor.contactEmail)", from, display));
      if (!replyTo.isBlank()) {
        mime.setReplyTo(new InternetAddress[] {address("creditor.contactEmail", replyTo, creditor.name())});
      }
      mime.setRecipient(Message.RecipientType.TO, address("debtor.emails[0]", to, debtor.name()));
      mime.setSubject(parts.subject(), "UTF-8");
      mime.setSentDate(Date.from(clock.instant()));
      // RFC 3834: tells auto-responders not to answer a machine-sent message
      mime.setHeader("Auto-Submitted", "auto-generated");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        mime.setHeader(h.getKey(), h.getValue());
      }
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(parts.text(), "UTF-8", "plain");
      // chosen from the characters, as saveChanges() would from the encoded bytes, which it then skips
      text.setHeader("Content-Transfer-Encoding", TransferEncoding.ofUtf8(parts.text()));
      MimeBodyPart html = new MimeBodyPart();
      html.setText(parts.html(), "UTF-8", "html");
      html.setHeader("Content-Transfer-Encoding", TransferEncoding.ofUtf8(parts.html()));
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      if (m.attachments().isEmpty()) {
        mime.setContent(alternative);
      } else {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (int i = 0; i < m.attachments().size(); i++) {
          Document d = m.attachments().get(i);
          MimeBodyPart file = new MimeBodyPart();
          file.setDataHandler(new DataHandler(new ByteArrayDataSource(d.content(), d.mediaType())));
          file.setFileName(HeaderGuard.require("attachments[" + i + "].filename", d.filename()));
          file.setDisposition(MimeBodyPart.ATTACHMENT);
          mixed.addBodyPart(file);
        }
        mime.setContent(mixed);
      }
      mime.saveChanges();
    } catch (MessagingException e) {
      throw DeliveryException.permanent("cannot build the e-mail for " + m.message().idempotencyKey() + ": " + e.getMessage(), e);
    }
    return mime;
  }

  private static InternetAddress address(String field, String email, String name) throws DeliveryException {
    try {
      InternetAddress address = new InternetAddress(email, true);
      address.setPersonal(name.isBlank() ? null : name, "UTF-8");
      return address;
    } catch (AddressException e) {
      throw DeliveryException.permanent(field + " '" + email + "' is not a valid e-mail address: " + e.getMessage(), e);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JVM has UTF-8", e);
    }
  }

  /**
   * {@code <32 hex chars of sha256(key).dunning@domain>}: the same for every attempt of a message,
   * opaque (the key names the case) and in the sender's domain as RFC 5322 suggests.
   */
  public static String messageId(String idempotencyKey, String from) {
    int at = from.lastIndexOf('@');
    String domain = at >= 0 ? from.substring(at + 1).strip() : "";
    if (!DOMAIN.matcher(domain).matches()) {
      domain = "dunning.invalid";
    }
    return "<" + HexFormat.of().formatHex(Sha256.of(idempotencyKey), 0, 16) + ".dunning@"
        + domain.toLowerCase(java.util.Locale.ROOT) + ">";
  }
}
