package dev.dunning.examples.demo.web;

import dev.dunning.examples.demo.DemoSeed;
import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.DemandProblem;
import dev.dunning.intake.Requester;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.PostalAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the intranet form into a {@link Demand}, and the service's problems back into errors next
 * to the form's fields. Inputs are named after the problem paths ({@code debtor.legalId},
 * {@code invoices[0].dueDate}), so most errors land on their field without a table; what the form
 * cannot parse (a date, an amount) is reported here in the same way.
 */
final class DemandForm {
  /** Invoice lines on the form; blank lines are left out of the demand. */
  static final int INVOICE_ROWS = 2;

  private final Form form;
  private final Map<String, String> errors = new LinkedHashMap<>();
  /** For each invoice of the demand, the form row it came from (blank rows are skipped). */
  private final List<Integer> rows = new ArrayList<>();

  DemandForm(Form form) {
    this.form = form;
  }

  Demand toDemand() {
    Demand.Builder b = Demand.builder()
        .requester(new Requester(form.get("requester.name"), form.get("requester.email"),
            form.get("requester.department")))
        .tenant(DemoSeed.TENANT)
        .debtor(debtor())
        .comment(form.get("comment"));
    for (int row = 0; row < INVOICE_ROWS; row++) {
      String p = "invoices[" + row + "].";
      boolean blank = List.of("number", "issueDate", "dueDate", "amount").stream().allMatch(f -> form.get(p + f).isEmpty())
          && form.file(p + "copy") == null;
      if (blank && row > 0) {
        continue;
      }
      rows.add(row);
      DemandInvoice invoice = new DemandInvoice(form.get(p + "number"), date(p + "issueDate"), date(p + "dueDate"),
          amount(p + "amount"), form.get(p + "currency"), form.file(p + "copy"));
      b.invoice(invoice);
    }
    return b.build();
  }

  /** Every error by form field: what could not be parsed first, then the service's problems. */
  Map<String, String> errors(List<DemandProblem> problems) {
    Map<String, String> all = new LinkedHashMap<>(errors);
    for (DemandProblem p : problems) {
      all.putIfAbsent(formField(p.field()), p.message());
    }
    return all;
  }

  private DemandDebtor debtor() {
    DebtorKind kind = "B2C".equals(form.get("debtor.kind")) ? DebtorKind.B2C : DebtorKind.B2B;
    return DemandDebtor.builder(form.get("debtor.name")).kind(kind)
        .legalId(form.get("debtor.legalId.scheme"), form.get("debtor.legalId"))
        .address(PostalAddress.of(form.get("debtor.address.street"), form.get("debtor.address.postcode"),
            form.get("debtor.address.city"), form.get("debtor.address.countryCode")))
        .email(form.get("debtor.email")).phone(form.get("debtor.phone")).language(form.get("debtor.language"))
        .iban(form.get("debtor.iban")).build();
  }

  /** The form's name for a problem path: the demand's invoice index mapped back to its form row. */
  private String formField(String path) {
    if (path.startsWith("invoices[")) {
      int close = path.indexOf(']');
      int index = Integer.parseInt(path.substring("invoices[".length(), close));
      if (index < rows.size()) {
        return "invoices[" + rows.get(index) + "]" + path.substring(close + 1);
      }
    }
    return path;
  }

  private LocalDate date(String name) {
    String value = form.get(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.put(name, "'" + value + "' is not a date: write it as YYYY-MM-DD");
      return null;
    }
  }

  private BigDecimal amount(String name) {
    String value = form.get(name).replace(" ", "").replace(',', '.');
    if (value.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      errors.put(name, "'" + form.get(name) + "' is not an amount: write it as 1234.56");
      return null;
    }
  }
}
