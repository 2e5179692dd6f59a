package dev.dunning.examples.demo.web;

/** The start page: what the demo is and where each page is. */
final class HomePage implements Page {
  @Override
  public boolean handle(Exchange ex) {
    if (!ex.path().equals("/") || !ex.isGet()) {
      return false;
    }
    ex.html(Html.page("A recovery desk on embedded defaults", """
        <p>Dunning follows up unpaid invoices for you: reminders, a formal notice, then an injunction,
        in the debtor's language, until they are paid. This demo runs the library with its real adapters:
        an H2 database, e-mails to an SMTP server inside the demo, PDF letters written to
        <code>dunning-demo-data/outgoing</code>, and a simulated clock you move forward by days.</p>
        <ul class="cards">
        <li><a href="/desk">Collection desk</a>: late invoices, aging, cases by stage, decisions to take,
          the clock.</li>
        <li><a href="/demand">File a demand</a>: the intranet form colleagues use to hand over an unpaid
          invoice.</li>
        <li><a href="/mailbox">Mailbox</a>: every e-mail the debtors received, with the link to their
          portal page and the PDF letters.</li>
        </ul>
        <p>Try it: open the mailbox, follow the link in a reminder, upload a PDF as proof of payment,
        then accept it on the case page. Or advance the clock on the desk and watch the ladder climb.</p>
        """));
    return true;
  }
}
