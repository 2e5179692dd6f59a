package dev.dunning.examples.demo.web;

import static dev.dunning.examples.demo.web.Html.esc;

import dev.dunning.TickReport;
import dev.dunning.examples.demo.DemoSeed;
import dev.dunning.examples.demo.DemoServices;
import dev.dunning.examples.demo.DeskSummary;
import dev.dunning.examples.demo.NextAction;
import dev.dunning.intake.StoredDemand;
import dev.dunning.model.Actor;
import dev.dunning.model.CaseStatus;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Playbook;
import dev.dunning.playbook.Stage;
import dev.dunning.spi.CaseQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The collection desk ({@code /desk}): the clock, the decisions waiting for a person, aging,
 * late invoices with the suggested next action, and the cases by stage. Its forms advance the
 * simulated clock, tick, and approve or reject colleagues' demands.
 */
final class DeskPage implements Page {
  static final Actor MANAGER = Actor.manager("collection manager (demo)");
  private static final Pattern DEMAND_ACTION = Pattern.compile("/desk/demands/([^/]+)/(approve|reject)");

  private final DemoServices services;

  DeskPage(DemoServices services) {
    this.services = services;
  }

  @Override
  public boolean handle(Exchange ex) {
    String path = ex.path();
    if (path.equals("/desk") && ex.isGet()) {
      ex.html(render(ex));
    } else if (path.equals("/desk/clock") && ex.isPost()) {
      int days = days(ex.form().get("days"));
      services.advanceDays(days);
      ex.redirect("/desk?advanced=" + days);
    } else if (path.equals("/desk/tick") && ex.isPost()) {
      ex.form();
      TickReport r = services.tick();
      ex.redirect("/desk?ticked=" + r.casesAdvanced() + "&delivered=" + r.delivered());
    } else if (Paths.match(DEMAND_ACTION, path) != null && ex.isPost()) {
      String[] m = Paths.match(DEMAND_ACTION, path);
      Form form = ex.form();
      if (m[1].equals("approve")) {
        StoredDemand d = services.intake().approve(m[0], MANAGER);
        ex.redirect("/desk/cases/" + Paths.encode(d.caseId()) + "?notice=demand-approved");
      } else {
        services.intake().reject(m[0], form.get("reason"), MANAGER);
        ex.redirect("/desk?rejected=1");
      }
    } else {
      return false;
    }
    return true;
  }

  private static int days(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("days: enter a whole number of days between 1 and 366");
    }
  }

  private String render(Exchange ex) {
    String csrf = ex.csrfToken();
    LocalDate today = LocalDate.now(services.clock().withZone(DemoSeed.CREDITOR_ZONE));
    List<RecoveryCase> cases = services.engine().query(CaseQuery.all().tenant(DemoSeed.TENANT).page(0, 1000));
    DeskSummary summary = DeskSummary.of(cases, today);
    StringBuilder b = new StringBuilder(notice(ex));
    b.append("<div class=\"clock\"><div>Simulated today: <strong id=\"today\">").append(today).append("</strong> ")
        .append("<span class=\"muted\">(").append(services.clock().offset().toDays())
        .append(" days ahead of real time; the engine ticks every few seconds)</span></div>")
        .append("<form method=\"post\" action=\"/desk/clock\" class=\"inline\">").append(Html.csrf(csrf))
        .append("<label><span>Days</span><input type=\"number\" name=\"days\" value=\"10\" min=\"1\" max=\"366\" "
            + "id=\"days\"></label> <button type=\"submit\" id=\"advance\">Advance the clock</button></form>")
        .append("<form method=\"post\" action=\"/desk/tick\" class=\"inline\">").append(Html.csrf(csrf))
        .append("<button type=\"submit\" id=\"tick\" class=\"secondary\">Tick now</button></form></div>");
    b.append(decisions(cases, csrf));
    b.append("<h2>Aging</h2><div class=\"grid\" id=\"aging\">");
    summary.buckets().forEach((bucket, totals) -> b.append("<div class=\"tile\"><span class=\"muted\">")
        .append(esc(bucket)).append("</span><strong>").append(esc(Fmt.moneys(totals))).append("</strong>")
        .append(summary.counts().get(bucket)).append(" invoice(s)</div>"));
    b.append("</div><h2>Late invoices</h2><table id=\"late-invoices\"><tr><th>Case</th><th>Debtor</th><th>Invoice</th>"
        + "<th>Due</th><th class=\"num\">Days late</th><th class=\"num\">Open</th><th>Suggested next action</th></tr>");
    for (DeskSummary.LateInvoice i : summary.invoices()) {
      b.append("<tr><td>").append(Fmt.caseLink(i.recoveryCase())).append("</td><td>")
          .append(esc(i.recoveryCase().debtor().name())).append("</td><td>").append(esc(i.claim().invoiceNumber()))
          .append("</td><td>").append(i.claim().dueDate()).append("</td><td class=\"num\">")
          .append(i.daysLate() > 0 ? i.daysLate() : "not due").append("</td><td class=\"num\">")
          .append(esc(Fmt.money(i.claim().openBalance()))).append("</td><td>")
          .append(esc(NextAction.of(i.recoveryCase(), services.engine(), DemoSeed.CREDITOR_ZONE))).append("</td></tr>");
    }
    b.append("</table>").append(byStage(cases));
    return Html.page("Collection desk", b.toString());
  }

  private static String notice(Exchange ex) {
    if (!ex.query("advanced").isEmpty()) {
      return Html.notice("The clock moved " + ex.query("advanced").replaceAll("\\D", "") + " day(s) ahead. "
          + "The next tick (every few seconds, or Tick now) does what became due.");
    }
    if (!ex.query("ticked").isEmpty()) {
      return Html.notice("Ticked: " + ex.query("ticked").replaceAll("\\D", "") + " case(s) advanced, "
          + ex.query("delivered").replaceAll("\\D", "") + " message(s) delivered.");
    }
    return ex.query("rejected").isEmpty() ? "" : Html.notice("The demand was rejected; its requester is told why.");
  }

  private String decisions(List<RecoveryCase> cases, String csrf) {
    StringBuilder b = new StringBuilder("<h2 id=\"demands\">Waiting for a decision</h2>");
    List<StoredDemand> demands = services.intake().pending(DemoSeed.TENANT);
    List<RecoveryCase> waiting = cases.stream().filter(c -> c.status() == CaseStatus.AWAITING_APPROVAL
        || (c.status() == CaseStatus.ON_HOLD && c.hold().until() == null)).toList();
    if (demands.isEmpty() && waiting.isEmpty()) {
      return b.append("<p class=\"muted\">Nothing: the engine has it in hand.</p>").toString();
    }
    b.append("<table id=\"decisions\"><tr><th>What</th><th>Who</th><th>Amount</th><th>Decide</th></tr>");
    for (StoredDemand d : demands) {
      String action = "/desk/demands/" + Paths.encode(d.id());
      b.append("<tr class=\"demand\"><td>Demand from ").append(esc(d.demand().requester().name())).append(" (")
          .append(esc(Fmt.instant(d.submittedAt()))).append(")</td><td>").append(esc(d.demand().debtor().name()))
          .append("</td><td>").append(d.demand().invoices().stream().map(i -> esc(i.number()) + " " + esc(i.amount())
              + " " + esc(i.currency())).reduce((x, y) -> x + ", " + y).orElse(""))
          .append("</td><td>").append(Html.button(action + "/approve", "Approve and open the case", csrf))
          .append("<form method=\"post\" action=\"").append(esc(action)).append("/reject\" class=\"inline\">")
          .append(Html.csrf(csrf)).append("<input name=\"reason\" placeholder=\"Reason\" required> ")
          .append("<button type=\"submit\" class=\"secondary\">Reject</button></form></td></tr>");
    }
    for (RecoveryCase c : waiting) {
      b.append("<tr><td>").append(Fmt.caseLink(c)).append(" ").append(Fmt.status(c)).append("</td><td>")
          .append(esc(c.debtor().name())).append("</td><td>").append(esc(Fmt.money(c.balance()))).append("</td><td>")
          .append(esc(NextAction.of(c, services.engine(), DemoSeed.CREDITOR_ZONE))).append(" on the case page</td></tr>");
    }
    return b.append("</table>").toString();
  }

  private String byStage(List<RecoveryCase> cases) {
    StringBuilder b = new StringBuilder("<h2>Cases by stage</h2>");
    List<String> stages = new ArrayList<>();
    stages.add(null);
    services.engine().playbook(Playbook.DEFAULT_ID).stages().stream().map(Stage::id)
        .forEach(stages::add);
    for (String stage : stages) {
      List<RecoveryCase> at = cases.stream().filter(c -> Objects.equals(c.stageId(), stage)).toList();
      if (at.isEmpty()) {
        continue;
      }
      b.append("<h3>").append(esc(NextAction.label(stage))).append(" (").append(at.size()).append(")</h3>")
          .append("<table class=\"stage\"><tr><th>Case</th><th>Debtor</th><th>Status</th><th class=\"num\">Balance</th>"
              + "<th>Deadline</th></tr>");
      for (RecoveryCase c : at) {
        b.append("<tr><td>").append(Fmt.caseLink(c)).append("</td><td>").append(esc(c.debtor().name()))
            .append("</td><td>").append(Fmt.status(c)).append("</td><td class=\"num\">")
            .append(esc(Fmt.money(c.balance()))).append("</td><td>").append(c.deadline() == null ? "" : c.deadline())
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    return b.toString();
  }
}
