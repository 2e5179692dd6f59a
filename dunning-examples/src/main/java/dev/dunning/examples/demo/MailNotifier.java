package dev.dunning.examples.demo;

import dev.dunning.model.Creditor;
import dev.dunning.model.RecoveryCase;
import dev.dunning.portal.DebtorNotifier;
import dev.dunning.portal.DisputeOutcome;
import dev.dunning.portal.PaymentPlan;
import dev.dunning.spi.CreditorDirectory;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Tells the debtor by e-mail what a manager decided on their portal request, and why: a plain
 * English message through the demo's SMTP server, so it lands in the mailbox page. A host would
 * write these in the debtor's language with its own templates; the demo keeps them short.
 */
final class MailNotifier implements DebtorNotifier {
  private final Session session;
  private final CreditorDirectory creditors;
  private final Clock clock;

  MailNotifier(int smtpPort, CreditorDirectory creditors, Clock clock) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
    p.setProperty("mail.smtp.connectiontimeout", "2000");
    p.setProperty("mail.smtp.timeout", "10000");
    p.setProperty("mail.smtp.writetimeout", "10000");
    p.setProperty("mail.mime.charset", "UTF-8");
    this.session = Session.getInstance(p);
    this.creditors = creditors;
    this.clock = clock;
  }

  @Override
  public void onProofRejected(RecoveryCase resumed, String reason) {
    send(resumed, "Your proof of payment was not accepted", "We could not accept the proof of payment you sent "
        + "for case " + resumed.id() + ": " + reason + "\n\nThe amount of " + resumed.balance()
        + " is still due; our next message gives the new deadline.");
  }

  @Override
  public void onDisputeResolved(RecoveryCase after, DisputeOutcome outcome, String note) {
    send(after, "Your dispute was decided", "Your dispute about case " + after.id() + " was "
        + (outcome == DisputeOutcome.REJECTED ? "not upheld" : "upheld") + ": " + note);
  }

  @Override
  public void onPlanDecided(RecoveryCase after, PaymentPlan plan) {
    send(after, "Your request for instalments", "Your request to pay case " + after.id() + " in "
        + plan.instalments().size() + " instalments was " + plan.status().code()
        + (plan.note().isBlank() ? "." : ": " + plan.note()));
  }

  private void send(RecoveryCase c, String subject, String text) {
    if (c.debtor().email() == null) {
      return;
    }
    Creditor creditor = creditors.find(c.tenantId()).orElseThrow();
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(creditor.contactEmail(), creditor.name(), "UTF-8"));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(c.debtor().email()));
      m.setSubject(subject + " – " + creditor.name(), "UTF-8");
      m.setSentDate(Date.from(clock.instant()));
      m.setText(text + "\n\n" + creditor.name() + ", " + creditor.contactPhone() + "\n", "UTF-8");
      Transport.send(m);
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      // ManagerReview logs and ignores a notifier that throws: the decision itself is stored
      throw new IllegalStateException("could not tell " + c.debtor().email() + " about case " + c.id(), e);
    }
  }
}
