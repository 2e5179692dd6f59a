package dev.dunning.examples.demo.web;

import static dev.dunning.examples.demo.web.Html.esc;

import dev.dunning.examples.demo.DemoServices;
import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandProblem;
import dev.dunning.intake.InvalidDemandException;
import dev.dunning.intake.LegalIdSchemes;
import dev.dunning.intake.StoredDemand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The intranet form a colleague uses to hand over unpaid invoices ({@code /demand}). A refused
 * demand comes back with every value kept and each problem next to its field; an accepted one
 * waits on the desk for a manager.
 */
final class DemandPage implements Page {
  private static final Map<String, String> KINDS = new LinkedHashMap<>();
  private static final Map<String, String> SCHEMES = new LinkedHashMap<>();
  private static final Map<String, String> LANGUAGES = new LinkedHashMap<>();

  static {
    KINDS.put("B2B", "Business");
    KINDS.put("B2C", "Consumer");
    SCHEMES.put(LegalIdSchemes.FR_SIRET, "SIRET (France)");
    SCHEMES.put(LegalIdSchemes.FR_SIREN, "SIREN (France)");
    SCHEMES.put(LegalIdSchemes.BE_ENTERPRISE, "Enterprise number (Belgium)");
    SCHEMES.put(LegalIdSchemes.VAT, "EU VAT number");
    for (String tag : List.of("fr-BE", "nl-BE", "fr-FR", "de-DE", "en-GB", "bg-BG", "nl-NL", "de-LU")) {
      LANGUAGES.put(tag, tag);
    }
  }

  private final DemoServices services;

  DemandPage(DemoServices services) {
    this.services = services;
  }

  @Override
  public boolean handle(Exchange ex) {
    if (!ex.path().equals("/demand")) {
      return false;
    }
    if (ex.isPost()) {
      submit(ex);
    } else {
      ex.html(form(Map.of("debtor.kind", "B2B", "debtor.language", "fr-BE", "invoices[0].currency", "EUR",
          "invoices[1].currency", "EUR"), Map.of(), ex.csrfToken()));
    }
    return true;
  }

  private void submit(Exchange ex) {
    Form form = ex.form();
    DemandForm parsed = new DemandForm(form);
    Demand demand = parsed.toDemand();
    List<DemandProblem> problems = services.intake().validate(demand);
    Map<String, String> errors = parsed.errors(problems);
    if (errors.isEmpty()) {
      try {
        StoredDemand stored = services.intake().submit(demand);
        ex.html(Html.page("Demand received", "<p class=\"notice\" id=\"notice\">Demand <strong id=\"demand-id\">"
            + esc(stored.id()) + "</strong> for " + esc(demand.debtor().name()) + " is waiting for a collection "
            + "manager. You will be told by e-mail when it is decided.</p><p><a href=\"/desk#demands\">See it on the "
            + "desk</a> · <a href=\"/demand\">File another demand</a></p>"));
        return;
      } catch (InvalidDemandException e) {
        errors = parsed.errors(e.problems()); // someone filed the same invoice meanwhile
      }
    }
    ex.html(HttpStatus.UNPROCESSABLE_ENTITY_422, form(form.values(), errors, ex.csrfToken()));
  }

  private static String form(Map<String, String> v, Map<String, String> e, String csrf) {
    StringBuilder b = new StringBuilder();
    if (!e.isEmpty()) {
      b.append("<div class=\"problems\" id=\"problems\"><p>The demand was not accepted; correct the fields marked "
          + "below.</p><ul>");
      e.forEach((field, message) -> b.append("<li>").append(esc(field)).append(": ").append(esc(message))
          .append("</li>"));
      b.append("</ul></div>");
    }
    b.append("<form method=\"post\" action=\"/demand\" enctype=\"multipart/form-data\" class=\"card\" id=\"demand-form\">")
        .append(Html.csrf(csrf))
        .append("<fieldset><legend>You</legend>")
        .append(Html.input("Your name", "requester.name", "text", v, e))
        .append(Html.input("Your e-mail", "requester.email", "email", v, e))
        .append(Html.input("Department", "requester.department", "text", v, e))
        .append("</fieldset><fieldset><legend>The debtor</legend>")
        .append(Html.input("Name", "debtor.name", "text", v, e))
        .append(Html.select("Kind", "debtor.kind", KINDS, v, e))
        .append(Html.select("Identifier type", "debtor.legalId.scheme", SCHEMES, v, e))
        .append(Html.input("Identifier", "debtor.legalId", "text", v, e))
        .append(Html.input("Street", "debtor.address.street", "text", v, e))
        .append(Html.input("Postcode", "debtor.address.postcode", "text", v, e))
        .append(Html.input("City", "debtor.address.city", "text", v, e))
        .append(Html.input("Country (ISO code, e.g. FR)", "debtor.address.countryCode", "text", v, e))
        .append(Html.input("E-mail", "debtor.email", "email", v, e))
        .append(Html.input("Phone", "debtor.phone", "tel", v, e))
        .append(Html.select("Language", "debtor.language", LANGUAGES, v, e))
        .append(Html.input("IBAN they pay from (optional)", "debtor.iban", "text", v, e))
        .append("</fieldset>");
    for (int row = 0; row < DemandForm.INVOICE_ROWS; row++) {
      String p = "invoices[" + row + "].";
      b.append("<fieldset><legend>Invoice ").append(row + 1).append(row == 0 ? "" : " (optional)").append("</legend>")
          .append(Html.input("Number", p + "number", "text", v, e))
          .append(Html.input("Invoice date", p + "issueDate", "date", v, e))
          .append(Html.input("Due date", p + "dueDate", "date", v, e))
          .append(Html.input("Unpaid amount", p + "amount", "text", v, e))
          .append(Html.input("Currency", p + "currency", "text", v, e))
          .append("<label><span>PDF copy (optional)</span><input type=\"file\" name=\"").append(p)
          .append("copy\" accept=\"application/pdf\">").append(Html.fieldError(p + "copy", e.get(p + "copy")))
          .append("</label></fieldset>");
    }
    b.append("<label><span>Anything the manager should know</span><textarea name=\"comment\">")
        .append(esc(v.get("comment"))).append("</textarea>").append(Html.fieldError("comment", e.get("comment")))
        .append("</label><p><button type=\"submit\" id=\"submit-demand\">Send the demand</button></p></form>");
    return Html.page("File a demand", "<p class=\"muted\">Hand an unpaid invoice over to the collection team. "
        + "Everything is checked at once: legal identifiers, address, dates, amounts, invoices already claimed.</p>"
        + b);
  }
}
