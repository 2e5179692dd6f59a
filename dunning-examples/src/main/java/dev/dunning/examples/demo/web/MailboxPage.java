package dev.dunning.examples.demo.web;

import static dev.dunning.examples.demo.web.Html.esc;

import dev.dunning.examples.demo.Mailbox;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the demo's SMTP server received ({@code /mailbox}): the list, each message with its text
 * (links clickable, so the portal link can be followed), its HTML version on a page of its own that
 * the browser sandboxes, and its attachments to download.
 */
final class MailboxPage implements Page {
  private static final Pattern MESSAGE = Pattern.compile("/mailbox/(\\d{1,6})");
  private static final Pattern HTML = Pattern.compile("/mailbox/(\\d{1,6})/html");
  private static final Pattern ATTACHMENT = Pattern.compile("/mailbox/(\\d{1,6})/attachments/(\\d{1,3})");
  /** An e-mail's own HTML may style itself, but runs nothing, loads nothing and is treated as another origin. */
  private static final String MAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private final Mailbox mailbox;

  MailboxPage(Mailbox mailbox) {
    this.mailbox = mailbox;
  }

  @Override
  public boolean handle(Exchange ex) {
    if (!ex.isGet()) {
      return false;
    }
    String[] m;
    if (ex.path().equals("/mailbox")) {
      ex.html(list());
    } else if ((m = Paths.match(MESSAGE, ex.path())) != null) {
      ex.html(message(mail(m[0])));
    } else if ((m = Paths.match(HTML, ex.path())) != null) {
      Mailbox.Mail mail = mail(m[0]);
      ex.header("Content-Security-Policy", MAIL_CSP);
      ex.raw("text/html; charset=utf-8", mail.html().isEmpty() ? "<p>(this message has no HTML part)</p>" : mail.html());
    } else if ((m = Paths.match(ATTACHMENT, ex.path())) != null) {
      List<Mailbox.Attachment> attachments = mail(m[0]).attachments();
      int k = Integer.parseInt(m[1]);
      if (k >= attachments.size()) {
        throw new Exchange.NotFound("this message has no attachment " + k);
      }
      Mailbox.Attachment a = attachments.get(k);
      ex.download(a.filename(), a.mediaType(), a.content());
    } else {
      return false;
    }
    return true;
  }

  private Mailbox.Mail mail(String index) {
    return mailbox.get(Integer.parseInt(index)).orElseThrow(() -> new Exchange.NotFound("no message " + index));
  }

  private String list() {
    List<Mailbox.Mail> mails = mailbox.all();
    StringBuilder b = new StringBuilder("<p class=\"muted\">Every e-mail the engine sent, as the SMTP server inside the "
        + "demo received it (newest first). The mailbox empties when the demo restarts.</p>");
    if (mails.isEmpty()) {
      return Html.page("Mailbox", b.append("<p>No e-mail yet: the first reminders go out at the next tick.</p>").toString());
    }
    b.append("<table id=\"mails\"><tr><th>Sent</th><th>To</th><th>Subject</th><th class=\"num\">Attachments</th></tr>");
    for (Mailbox.Mail mail : mails) {
      b.append("<tr><td>").append(esc(Fmt.instant(mail.sentAt()))).append("</td><td class=\"to\">").append(esc(mail.to()))
          .append("</td><td><a class=\"mail\" href=\"/mailbox/").append(mail.index()).append("\">")
          .append(esc(mail.subject())).append("</a></td><td class=\"num\">").append(mail.attachments().size())
          .append("</td></tr>");
    }
    return Html.page("Mailbox", b.append("</table>").toString());
  }

  private static String message(Mailbox.Mail mail) {
    StringBuilder b = new StringBuilder("<dl class=\"facts\"><dt>From</dt><dd>").append(esc(mail.from()))
        .append("</dd><dt>To</dt><dd>").append(esc(mail.to())).append("</dd><dt>Date</dt><dd>")
        .append(esc(Fmt.instant(mail.sentAt()))).append(" <span class=\"muted\">(simulated time)</span></dd></dl>");
    if (!mail.attachments().isEmpty()) {
      b.append("<h2>Attachments</h2><ul id=\"attachments\">");
      for (int k = 0; k < mail.attachments().size(); k++) {
        Mailbox.Attachment a = mail.attachments().get(k);
        b.append("<li><a href=\"/mailbox/").append(mail.index()).append("/attachments/").append(k).append("\">")
            .append(esc(a.filename())).append("</a> <span class=\"muted\">").append(esc(a.mediaType())).append(", ")
            .append(a.content().length).append(" bytes</span></li>");
      }
      b.append("</ul>");
    }
    b.append("<h2>Text</h2><pre id=\"mail-text\">").append(Html.linkify(mail.text())).append("</pre>");
    if (!mail.html().isEmpty()) {
      b.append("<p><a href=\"/mailbox/").append(mail.index()).append("/html\">The HTML version</a></p>");
    }
    return Html.page(mail.subject() == null ? "(no subject)" : mail.subject(), b.append("<p><a href=\"/mailbox\">Back "
        + "to the mailbox</a></p>").toString());
  }
}
