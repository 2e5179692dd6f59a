package dev.dunning.examples.demo.web;

import static dev.dunning.examples.demo.web.Html.esc;

import dev.dunning.PreviewStep;
import dev.dunning.examples.demo.DemoSeed;
import dev.dunning.examples.demo.DemoServices;
import dev.dunning.examples.demo.NextAction;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.Claim;
import dev.dunning.model.HoldReason;
import dev.dunning.model.RecoveryCase;
import dev.dunning.model.TimelineEvent;
import dev.dunning.portal.PaymentPlan;
import dev.dunning.spi.OutboxMessage;
import dev.dunning.spi.StoredDocument;
import java.util.List;
import java.util.Map;

/** Renders one case for the desk: facts, claims, pending decisions, documents, messages, future, timeline. */
final class CaseView {
  private static final Map<String, String> NOTICES = Map.of(
      "demand-approved", "Demand approved: the case is open and its first reminder goes out at the next tick.",
      "approve", "Approved: the stage runs now; its messages go out at the next tick.",
      "accept-proof", "Proof accepted: the balance is recorded as paid.",
      "reject-proof", "Proof rejected: the stage is sent again with a fresh deadline.",
      "approve-plan", "Instalment plan approved.", "decline-plan", "Instalment plan declined; escalation resumes.",
      "resolve-dispute", "Dispute resolved.", "payment", "Payment recorded.",
      "resume", "Escalation resumed: the ladder goes on where it was.");

  private final DemoServices services;
  private final RecoveryCase c;
  private final String csrf;
  private final String base;

  CaseView(DemoServices services, RecoveryCase c, String csrf) {
    this.services = services;
    this.c = c;
    this.csrf = csrf;
    this.base = "/desk/cases/" + Paths.encode(c.id());
  }

  String render(String noticeCode) {
    StringBuilder b = new StringBuilder(Html.notice(NOTICES.get(noticeCode)));
    b.append("<dl class=\"facts\"><dt>Debtor</dt><dd>").append(esc(c.debtor().name())).append(" · ")
        .append(esc(c.debtor().locale().toLanguageTag())).append(" · ").append(esc(c.debtor().email())).append("</dd>")
        .append("<dt>Status</dt><dd id=\"case-status\">").append(Fmt.status(c)).append("</dd>")
        .append("<dt>Stage</dt><dd id=\"case-stage\">").append(esc(NextAction.label(c.stageId()))).append("</dd>")
        .append("<dt>Balance</dt><dd id=\"case-balance\">").append(esc(Fmt.money(c.balance()))).append(" <span class=\"muted\">")
        .append("(claims ").append(esc(Fmt.money(c.principal()))).append(", fees ").append(esc(Fmt.money(c.fees())))
        .append(", paid ").append(esc(Fmt.money(c.paid()))).append(")</span></dd>")
        .append("<dt>Deadline</dt><dd>").append(c.deadline() == null ? "–" : c.deadline()).append("</dd>")
        .append("<dt>Next</dt><dd>").append(esc(NextAction.of(c, services.engine(), DemoSeed.CREDITOR_ZONE)))
        .append("</dd></dl>");
    b.append("<h2>Claims</h2><table><tr><th>Invoice</th><th>Issued</th><th>Due</th><th class=\"num\">Amount</th>"
        + "<th class=\"num\">Open</th><th>Reference</th></tr>");
    for (Claim cl : c.claims()) {
      b.append("<tr><td>").append(esc(cl.invoiceNumber())).append("</td><td>").append(cl.issueDate()).append("</td><td>")
          .append(cl.dueDate()).append("</td><td class=\"num\">").append(esc(Fmt.money(cl.amount())))
          .append("</td><td class=\"num\">").append(esc(Fmt.money(cl.openBalance()))).append("</td><td>")
          .append(esc(cl.paymentReference())).append("</td></tr>");
    }
    b.append("</table>").append(decisions()).append(documents()).append(messages()).append(future()).append(timeline());
    return Html.page("Case " + c.id(), b.toString());
  }

  private String decisions() {
    if (c.isClosed()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h2>Decisions</h2><div id=\"decisions\">");
    if (c.status() == CaseStatus.AWAITING_APPROVAL) {
      b.append("<section class=\"card\"><p>The <strong>").append(esc(NextAction.label(c.pendingStageId())))
          .append("</strong> waits for your approval.</p>")
          .append(Html.button(base + "/approve", "approve-stage", "Approve the " + NextAction.label(c.pendingStageId()),
              csrf))
          .append("</section>");
    }
    if (services.review().proofAwaitingDecision(c.id())) {
      b.append("<section class=\"card\"><p>The debtor sent a proof of payment (see the documents below)")
          .append(held(HoldReason.PROOF_UNDER_REVIEW) ? "." : "; rejecting it keeps the other pause below.")
          .append("</p>")
          .append(form("accept-proof", "note", "Note (optional)", "Accept the proof: mark as paid", false))
          .append(form("reject-proof", "reason", "Why it is not enough", "Reject the proof", true)).append("</section>");
    }
    if (held(HoldReason.PAYMENT_PLAN_REQUESTED)) {
      PaymentPlan plan = services.plans().find(c.id()).orElse(null);
      b.append("<section class=\"card\"><p>The debtor asks to pay in instalments");
      if (plan != null && plan.status() == dev.dunning.portal.PlanStatus.REQUESTED) {
        b.append(": ").append(plan.instalments().size()).append(" monthly from ")
            .append(plan.instalments().get(0).dueDate()).append(plan.note().isBlank() ? "" : " (" + esc(plan.note()) + ")");
      } else {
        // the hold and the plan are two writes: should the plan's have been lost, the desk can still decide
        b.append(", but the request itself cannot be found: decline it or resume escalation");
      }
      b.append(".</p>").append(form("approve-plan", "note", "Note (optional)", "Approve the plan", false))
          .append(form("decline-plan", "reason", "Why not", "Decline the plan", true)).append("</section>");
    }
    if (held(HoldReason.DISPUTE)) {
      b.append("<section class=\"card\"><p>The debtor disputes the claim (see the timeline).</p>")
          .append("<form method=\"post\" action=\"").append(esc(base)).append("/resolve-dispute\">")
          .append(Html.csrf(csrf)).append("<select name=\"outcome\"><option value=\"REJECTED\">Dispute rejected: resume"
              + "</option><option value=\"UPHELD_CREDIT\">Upheld: credit note</option><option value=\"UPHELD_CANCEL\">"
              + "Upheld: cancel</option></select> <input name=\"note\" placeholder=\"Why\" required> "
              + "<button type=\"submit\">Decide</button></form></section>");
    }
    if (c.status() == CaseStatus.ON_HOLD) {
      b.append("<section class=\"card\"><p>Escalation is paused (").append(esc(c.hold().reason().code().replace('_', ' ')))
          .append(c.hold().until() == null ? ", until someone decides" : ", until " + esc(Fmt.instant(c.hold().until())))
          .append(").</p>").append(form("resume", "reason", "Why", "Resume escalation", true)).append("</section>");
    }
    b.append("<section class=\"card\"><form method=\"post\" action=\"").append(esc(base)).append("/payment\">")
        .append(Html.csrf(csrf)).append("Record a payment: <input name=\"amount\" value=\"")
        .append(esc(c.balance().amount().toPlainString())).append("\" size=\"10\"> ").append(esc(c.balance().currencyCode()))
        .append(" <input name=\"reference\" placeholder=\"Bank reference\"> <button type=\"submit\" id=\"record-payment\">"
            + "Record</button></form></section></div>");
    return b.toString();
  }

  private boolean held(HoldReason reason) {
    return c.status() == CaseStatus.ON_HOLD && c.hold().reason() == reason;
  }

  private String form(String action, String field, String placeholder, String label, boolean required) {
    return "<form method=\"post\" action=\"" + esc(base) + "/" + action + "\" class=\"inline\">" + Html.csrf(csrf)
        + "<input name=\"" + field + "\" placeholder=\"" + esc(placeholder) + "\"" + (required ? " required" : "")
        + "> <button type=\"submit\" id=\"" + action + "\">" + esc(label) + "</button></form>";
  }

  private String documents() {
    List<StoredDocument> docs = services.documents().list(c.id());
    StringBuilder b = new StringBuilder("<h2>Documents</h2>");
    if (docs.isEmpty()) {
      return b.append("<p class=\"muted\">None yet: letters appear here once rendered, proofs once uploaded.</p>")
          .toString();
    }
    b.append("<table id=\"documents\"><tr><th>Kind</th><th>File</th><th class=\"num\">Size</th><th>Stored</th></tr>");
    for (StoredDocument d : docs) {
      b.append("<tr><td>").append(esc(d.kind().code().replace('_', ' '))).append("</td><td><a class=\"document\" href=\"")
          .append(esc(base)).append("/documents/").append(esc(Paths.encode(d.id()))).append("\">").append(esc(d.filename()))
          .append("</a></td><td class=\"num\">").append(d.size()).append("</td><td>").append(esc(Fmt.instant(d.createdAt())))
          .append("</td></tr>");
    }
    return b.append("</table>").toString();
  }

  private String messages() {
    List<OutboxMessage> messages = services.engine().messages(c.id());
    StringBuilder b = new StringBuilder("<h2>Messages</h2><table id=\"messages\"><tr><th>Stage</th><th>Channel</th><th>Status</th>"
        + "<th class=\"num\">Attempts</th><th>Sent</th><th>Last error</th></tr>");
    for (OutboxMessage m : messages) {
      b.append("<tr><td>").append(esc(NextAction.label(m.stageId()))).append("</td><td>").append(esc(m.channel().code()))
          .append("</td><td>").append(esc(m.status().code())).append("</td><td class=\"num\">").append(m.attempts())
          .append("</td><td>").append(esc(Fmt.instant(m.sentAt()))).append("</td><td>").append(esc(m.lastError()))
          .append("</td></tr>");
    }
    return b.append("</table>").toString();
  }

  private String future() {
    if (c.isClosed()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h2>If nobody pays</h2><table><tr><th>When</th><th>Stage</th><th>Channels</th>"
        + "<th>Deadline</th><th class=\"num\">Balance</th></tr>");
    for (PreviewStep s : services.engine().preview(c)) {
      b.append("<tr><td>").append(esc(Fmt.instant(s.at()))).append("</td><td>").append(esc(NextAction.label(s.stageId())))
          .append(s.needsApproval() ? " (needs approval)" : "").append("</td><td>")
          .append(esc(s.channels().stream().map(ch -> ch.code()).toList())).append("</td><td>")
          .append(s.deadline() == null ? "" : s.deadline()).append("</td><td class=\"num\">")
          .append(esc(Fmt.money(s.balance()))).append("</td></tr>");
    }
    return b.append("</table>").toString();
  }

  private String timeline() {
    StringBuilder b = new StringBuilder("<h2>Timeline</h2><table id=\"timeline\"><tr><th>When</th><th>What</th>"
        + "<th>Who</th><th>Detail</th></tr>");
    List<TimelineEvent> events = services.engine().timeline(c.id());
    for (int i = events.size() - 1; i >= 0; i--) {
      TimelineEvent e = events.get(i);
      b.append("<tr><td>").append(esc(Fmt.instant(e.at()))).append("</td><td>").append(esc(e.type().code()))
          .append("</td><td>").append(esc(e.actor().kind().code() + ": " + e.actor().name())).append("</td><td>")
          .append(esc(e.detail())).append("</td></tr>");
    }
    return b.append("</table>").toString();
  }
}
