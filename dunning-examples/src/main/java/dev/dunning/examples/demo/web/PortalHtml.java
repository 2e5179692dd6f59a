package dev.dunning.examples.demo.web;

import static dev.dunning.examples.demo.web.Html.esc;

import dev.dunning.model.Claim;
import dev.dunning.portal.Instalment;
import dev.dunning.portal.PaymentInstructions;
import dev.dunning.portal.PortalAction;
import dev.dunning.portal.PortalView;
import java.util.Map;

/** Renders the debtor's page from a {@link PortalView}: only what the view holds, nothing internal. */
final class PortalHtml {
  private PortalHtml() {}

  /**
   * @param base the page's own path, which the forms post under
   * @param errors "action.field" → message, shown next to that form's field
   */
  static String render(PortalView v, String base, String csrf, String done, Map<String, String> errors) {
    StringBuilder b = new StringBuilder(Html.notice(done));
    b.append("<p>Dear ").append(esc(v.debtorName())).append(", this page shows what you owe to <strong>")
        .append(esc(v.creditorName())).append("</strong> (case ").append(esc(v.caseId())).append(").</p>");
    b.append("<dl class=\"facts\"><dt>Amount due</dt><dd id=\"amount-due\"><strong>").append(esc(Fmt.money(v.balance())))
        .append("</strong></dd><dt>Pay by</dt><dd id=\"deadline\">").append(v.deadline() == null ? "–" : v.deadline())
        .append("</dd>");
    if (v.holdReason() != null) {
      b.append("<dt>Reminders</dt><dd>paused: ").append(esc(v.holdReason().code().replace('_', ' ')))
          .append(v.holdUntil() == null ? "" : " until " + esc(Fmt.instant(v.holdUntil()))).append("</dd>");
    }
    PaymentInstructions p = v.payment();
    b.append("<dt>Pay to</dt><dd>").append(esc(p.beneficiary())).append(", IBAN ").append(esc(p.iban()))
        .append(p.bic() == null || p.bic().isBlank() ? "" : ", BIC " + esc(p.bic())).append("</dd><dt>Reference</dt><dd>")
        .append(esc(p.reference())).append("</dd><dt>Questions</dt><dd>").append(esc(v.contactPhone())).append(" · ")
        .append(esc(v.contactEmail())).append("</dd></dl>");
    b.append("<h2>Invoices</h2><table><tr><th>Invoice</th><th>Date</th><th>Due</th><th class=\"num\">Open</th></tr>");
    for (Claim c : v.claims()) {
      b.append("<tr><td>").append(esc(c.invoiceNumber())).append("</td><td>").append(c.issueDate()).append("</td><td>")
          .append(c.dueDate()).append("</td><td class=\"num\">").append(esc(Fmt.money(c.openBalance()))).append("</td></tr>");
    }
    b.append("</table><p class=\"muted\">Fees ").append(esc(Fmt.money(v.fees()))).append(" · already paid ")
        .append(esc(Fmt.money(v.paid()))).append("</p>");
    if (v.plan() != null) {
      b.append("<h2>Instalments (").append(esc(v.plan().status().code())).append(")</h2><ul>");
      for (Instalment i : v.plan().instalments()) {
        b.append("<li>").append(i.dueDate()).append(": ").append(esc(Fmt.money(i.amount()))).append("</li>");
      }
      b.append("</ul>");
    }
    b.append(actions(v, base, csrf, errors));
    return Html.publicPage("Your invoices with " + v.creditorName(), b.toString());
  }

  /** The one page for every link that opens nothing, whatever the reason. */
  static String linkNotValid() {
    return Html.publicPage("This link no longer opens anything",
        "<p>The link has expired, or the invoices it was about are settled. If you still have a question, "
            + "call or write to the sender of the message.</p>");
  }

  /** A page telling the debtor that something did not work and what they can do: no internals. */
  static String problem(String title, String whatToDo) {
    return Html.publicPage(title, "<p class=\"error\">" + esc(whatToDo) + "</p>");
  }

  private static String actions(PortalView v, String base, String csrf, Map<String, String> e) {
    StringBuilder b = new StringBuilder();
    if (v.actions().contains(PortalAction.UPLOAD_PROOF)) {
      b.append(open("Already paid? Send us the proof", base + "/proof", "proof-form", true, csrf))
          .append("<label><span>Bank statement or transfer confirmation (PDF, PNG or JPEG, at most 10 MB)</span>")
          .append("<input type=\"file\" name=\"file\" accept=\"application/pdf,image/png,image/jpeg\" required>")
          .append(Html.fieldError("proof.file", e.get("proof.file"))).append("</label>")
          .append(close("Send the proof", "send-proof"));
    }
    if (v.actions().contains(PortalAction.PROMISE_TO_PAY)) {
      b.append(open("Promise to pay by a date", base + "/promise", "promise-form", false, csrf))
          .append("<label><span>I will pay by</span><input type=\"date\" name=\"date\" required>")
          .append(Html.fieldError("promise.date", e.get("promise.date"))).append("</label>")
          .append(close("Promise", "send-promise"));
    }
    if (v.actions().contains(PortalAction.REQUEST_PAYMENT_PLAN)) {
      b.append(open("Ask to pay in instalments", base + "/plan", "plan-form", false, csrf))
          .append("<label><span>Number of monthly instalments</span><input type=\"number\" name=\"instalments\" "
              + "min=\"2\" max=\"12\" value=\"3\">").append(Html.fieldError("plan.instalments", e.get("plan.instalments")))
          .append("</label><label><span>First instalment on</span><input type=\"date\" name=\"firstDate\" required>")
          .append(Html.fieldError("plan.firstDate", e.get("plan.firstDate"))).append("</label>")
          .append("<label><span>Note (optional)</span><input name=\"note\"></label>")
          .append(close("Ask for instalments", "send-plan"));
    }
    if (v.actions().contains(PortalAction.DISPUTE)) {
      b.append(open("Disagree with the claim?", base + "/dispute", "dispute-form", true, csrf))
          .append("<label><span>Why</span><textarea name=\"reason\" required></textarea>")
          .append(Html.fieldError("dispute.reason", e.get("dispute.reason"))).append("</label>")
          .append("<label><span>Documents (optional)</span><input type=\"file\" name=\"documents\" multiple "
              + "accept=\"application/pdf,image/png,image/jpeg\">")
          .append(Html.fieldError("dispute.documents", e.get("dispute.documents"))).append("</label>")
          .append(close("Open a dispute", "send-dispute"));
    }
    String general = e.entrySet().stream().filter(x -> x.getKey().endsWith(".action")).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    return (general == null ? "" : "<p class=\"error\">" + esc(general) + "</p>") + b;
  }

  private static String open(String title, String action, String id, boolean multipart, String csrf) {
    return "<h2>" + esc(title) + "</h2><form method=\"post\" class=\"card\" id=\"" + id + "\" action=\"" + esc(action)
        + "\"" + (multipart ? " enctype=\"multipart/form-data\"" : "") + ">" + Html.csrf(csrf);
  }

  private static String close(String label, String id) {
    return "<p><button type=\"submit\" id=\"" + id + "\">" + esc(label) + "</button></p></form>";
  }
}
