package dev.dunning.examples.demo.web;

import dev.dunning.examples.demo.DemoServices;
import dev.dunning.portal.InvalidPortalLinkException;
import dev.dunning.portal.PortalRequestException;
import dev.dunning.portal.PortalService;
import dev.dunning.portal.PortalView;
import dev.dunning.portal.Upload;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The debtor's page, reached from the link in their e-mails ({@code /p/TENANT/TOKEN}): what they
 * owe and how to pay, and forms to upload a proof, promise a date, dispute, or ask for instalments.
 * Every link that opens nothing gets the same answer, whatever the reason; a request the debtor
 * can correct comes back with the error next to its field.
 */
final class PortalPage implements Page {
  private static final Pattern VIEW = Pattern.compile("/p/([^/]+)/([^/]+)");
  private static final Pattern ACTION = Pattern.compile("/p/([^/]+)/([^/]+)/(proof|promise|dispute|plan)");
  private static final Map<String, String> DONE = Map.of(
      "proof", "Thank you: your proof of payment was received. We will check it and stop the reminders meanwhile.",
      "promise", "Thank you: your promise is noted. No reminder will be sent until that date.",
      "dispute", "Your dispute was received. A person will look at it; reminders are paused meanwhile.",
      "plan", "Your request for instalments was received. A person will answer; reminders are paused meanwhile.");

  private final DemoServices services;

  PortalPage(DemoServices services) {
    this.services = services;
  }

  @Override
  public boolean handle(Exchange ex) {
    String[] m;
    try {
      if (ex.isGet() && (m = Paths.match(VIEW, ex.path())) != null) {
        PortalView view = services.portal().view(m[0], m[1]);
        ex.html(PortalHtml.render(view, base(m), ex.csrfToken(), DONE.get(ex.query("done")), Map.of()));
      } else if (ex.isPost() && (m = Paths.match(ACTION, ex.path())) != null) {
        act(ex, m);
      } else {
        return false;
      }
    } catch (InvalidPortalLinkException e) {
      ex.html(HttpStatus.NOT_FOUND_404, PortalHtml.linkNotValid());
    }
    return true;
  }

  private void act(Exchange ex, String[] m) {
    Form form = ex.form();
    PortalService portal = services.portal();
    String tenant = m[0];
    String token = m[1];
    try {
      switch (m[2]) {
        case "proof" -> portal.uploadProof(tenant, token, form.file("file"));
        case "promise" -> portal.promiseToPay(tenant, token, date(form.get("date"), "date"));
        case "dispute" -> portal.dispute(tenant, token, form.get("reason"), files(form, "documents"));
        default -> portal.requestPaymentPlan(tenant, token, count(form.get("instalments")),
            date(form.get("firstDate"), "firstDate"), form.get("note"));
      }
      ex.redirect(base(m) + "?done=" + m[2]);
    } catch (PortalRequestException e) {
      String field = e.field().startsWith("documents[") ? "documents" : e.field();
      String message = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
      PortalView view = portal.view(tenant, token);
      ex.html(HttpStatus.UNPROCESSABLE_ENTITY_422, PortalHtml.render(view, base(m), ex.csrfToken(), null,
          Map.of(m[2] + "." + field, message)));
    }
  }

  private static String base(String[] m) {
    return "/p/" + Paths.encode(m[0]) + "/" + Paths.encode(m[1]);
  }

  private static List<Upload> files(Form form, String name) {
    List<Upload> list = form.files().get(name);
    return list == null ? List.of() : new ArrayList<>(list);
  }

  private static LocalDate date(String value, String field) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new PortalRequestException(field, field + ".format", "write the date as YYYY-MM-DD");
    }
  }

  private static int count(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new PortalRequestException("instalments", "plan.instalments.format", "enter a number of instalments");
    }
  }
}
