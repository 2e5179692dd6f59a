package dev.dunning.intake.internal;

import dev.dunning.intake.Demand;
import dev.dunning.intake.DemandDebtor;
import dev.dunning.intake.DemandInvoice;
import dev.dunning.intake.DemandProblem;
import dev.dunning.intake.LegalIdSchemes;
import dev.dunning.intake.Requester;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import dev.dunning.portal.internal.FileInspector;
import dev.dunning.portal.internal.FileType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every field of a demand and reports every problem at once. Pure apart from the lookups it
 * is given (creditors, open cases, pending demands) and the clock.
 */
public final class DemandChecks {
  public static final int MAX_COMMENT_LENGTH = 4000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  /** Postcode shapes of the countries Dunning's first users send letters to; others are only required. */
  private static final Map<String, Pattern> POSTCODES = Map.of(
      "FR", Pattern.compile("\\d{5}"),
      "BE", Pattern.compile("\\d{4}"),
      "DE", Pattern.compile("\\d{5}"),
      "NL", Pattern.compile("\\d{4} ?[A-Z]{2}"),
      "LU", Pattern.compile("(L-)?\\d{4}"));

  /** What the checks need to know beyond the demand itself. */
  public interface Lookups {
    boolean tenantExists(String tenantId);

    /** Ids of the tenant's cases, not closed, holding this invoice number. */
    List<String> openCasesWith(String tenantId, String invoiceNumber);

    /** Ids of the tenant's other pending demands holding this invoice number. */
    List<String> pendingDemandsWith(String tenantId, String invoiceNumber);
  }

  private final Clock clock;
  private final ZoneId defaultZone;
  private final long maxCopyBytes;

  public DemandChecks(Clock clock, ZoneId defaultZone, long maxCopyBytes) {
    this.clock = clock;
    this.defaultZone = defaultZone;
    this.maxCopyBytes = maxCopyBytes;
  }

  /** Every problem of {@code demand}, in form order; empty if it is valid. */
  public List<DemandProblem> check(Demand demand, Lookups lookups) {
    List<DemandProblem> problems = new ArrayList<>();
    requester(demand.requester(), problems);
    boolean tenantKnown = tenant(demand.tenantId(), lookups, problems);
    debtor(demand.debtor(), problems);
    ZoneId zone = demand.debtor() != null && demand.debtor().timeZone() != null ? demand.debtor().timeZone() : defaultZone;
    invoices(demand, LocalDate.now(clock.withZone(zone)), tenantKnown ? lookups : null, problems);
    if (demand.comment().length() > MAX_COMMENT_LENGTH) {
      add(problems, "comment", "comment.too_long", "the comment has " + demand.comment().length()
          + " characters; at most " + MAX_COMMENT_LENGTH + " are accepted");
    }
    return problems;
  }

  /** The normalised phone number (digits and a leading +), or {@code null} if it is not one. */
  public static String phone(String raw) {
    String s = raw.replaceAll("[\\s.\\-()/]", "");
    return PHONE.matcher(s).matches() ? s : null;
  }

  /** Checks a legal identifier by its scheme. */
  public static IdCheck legalId(LegalId id) {
    return switch (id.scheme()) {
      case LegalIdSchemes.FR_SIREN -> FrenchIds.siren(id.value());
      case LegalIdSchemes.FR_SIRET -> FrenchIds.siret(id.value());
      case LegalIdSchemes.BE_ENTERPRISE -> BelgianIds.enterpriseNumber(id.value());
      case LegalIdSchemes.VAT -> VatNumbers.check(id.value());
      default -> IdCheck.fail("legal_id.scheme.unknown", "'" + id.scheme() + "' is not a known identifier scheme; use "
          + String.join(", ", LegalIdSchemes.FR_SIREN, LegalIdSchemes.FR_SIRET, LegalIdSchemes.BE_ENTERPRISE,
          LegalIdSchemes.VAT));
    };
  }

  private static void requester(Requester r, List<DemandProblem> problems) {
    if (r == null) {
      add(problems, "requester", "requester.missing", "say who files the demand");
      return;
    }
    if (blank(r.name())) {
      add(problems, "requester.name", "requester.name.missing", "enter your name");
    }
    if (blank(r.email())) {
      add(problems, "requester.email", "requester.email.missing", "enter your e-mail address: the decision is sent there");
    } else if (!EMAIL.matcher(r.email().strip()).matches()) {
      add(problems, "requester.email", "email.invalid", "this is not an e-mail address");
    }
  }

  private static boolean tenant(String tenantId, Lookups lookups, List<DemandProblem> problems) {
    if (blank(tenantId)) {
      add(problems, "tenantId", "tenant.missing", "choose the company that issued the invoices");
      return false;
    }
    if (!lookups.tenantExists(tenantId)) {
      add(problems, "tenantId", "tenant.unknown", "'" + tenantId + "' is not a creditor known to the collection team");
      return false;
    }
    return true;
  }

  private static void debtor(DemandDebtor d, List<DemandProblem> problems) {
    if (d == null) {
      add(problems, "debtor", "debtor.missing", "describe the debtor");
      return;
    }
    if (blank(d.name())) {
      add(problems, "debtor.name", "debtor.name.missing", "enter the debtor's name");
    }
    if (d.kind() == null) {
      add(problems, "debtor.kind", "debtor.kind.missing", "say whether the debtor is a business or a consumer");
    }
    if (d.legalId() == null || blank(d.legalId().value())) {
      if (d.kind() == DebtorKind.B2B) {
        add(problems, "debtor.legalId", "legal_id.missing",
            "a business debtor needs its SIREN, SIRET, enterprise number or VAT number");
      }
    } else {
      IdCheck check = legalId(d.legalId());
      if (!check.valid()) {
        add(problems, "debtor.legalId", check.code(), check.message());
      }
    }
    address(d.address(), problems);
    if (!blank(d.email()) && !EMAIL.matcher(d.email().strip()).matches()) {
      add(problems, "debtor.email", "email.invalid", "this is not an e-mail address");
    }
    if (!blank(d.phone()) && phone(d.phone()) == null) {
      add(problems, "debtor.phone", "phone.invalid", "a phone number has 6 to 15 digits, optionally after a + and the country code");
    }
    if (blank(d.language())) {
      add(problems, "debtor.language", "language.missing", "choose the language the debtor is written to in");
    } else {
      Locale locale = Locale.forLanguageTag(d.language().strip());
      if (locale.getLanguage().isEmpty() || !LANGUAGES.contains(locale.getLanguage())) {
        add(problems, "debtor.language", "language.invalid", "'" + d.language() + "' is not a language tag such as fr, nl-BE or de-LU");
      }
    }
    if (!blank(d.iban())) {
      IdCheck iban = Ibans.check(d.iban());
      if (!iban.valid()) {
        add(problems, "debtor.iban", iban.code(), iban.message());
      }
    }
  }

  private static void address(PostalAddress a, List<DemandProblem> problems) {
    if (a == null) {
      add(problems, "debtor.address", "address.missing", "enter the debtor's postal address");
      return;
    }
    if (a.street().isBlank()) {
      add(problems, "debtor.address.street", "address.street.missing", "enter the street and number");
    }
    if (a.postcode().isBlank()) {
      add(problems, "debtor.address.postcode", "address.postcode.missing", "enter the postcode");
    }
    if (a.city().isBlank()) {
      add(problems, "debtor.address.city", "address.city.missing", "enter the city");
    }
    String country = a.countryCode().strip().toUpperCase(Locale.ROOT);
    if (country.isEmpty()) {
      add(problems, "debtor.address.countryCode", "address.country.missing", "choose the country");
    } else if (country.length() != 2 || !COUNTRIES.contains(country)) {
      add(problems, "debtor.address.countryCode", "address.country.invalid",
          "'" + a.countryCode() + "' is not an ISO 3166 two-letter country code (such as FR, BE, NL)");
    } else if (!a.postcode().isBlank() && POSTCODES.containsKey(country)
        && !POSTCODES.get(country).matcher(a.postcode().strip().toUpperCase(Locale.ROOT)).matches()) {
      add(problems, "debtor.address.postcode", "address.postcode.format", "this is not the format of a postcode in " + country);
    }
  }

  private void invoices(Demand demand, LocalDate today, Lookups lookups, List<DemandProblem> problems) {
    List<DemandInvoice> invoices = demand.invoices();
    if (invoices.isEmpty()) {
      add(problems, "invoices", "invoices.missing", "add at least one unpaid invoice");
      return;
    }
    Set<String> numbers = new HashSet<>();
    Currency first = null;
    for (int i = 0; i < invoices.size(); i++) {
      String at = "invoices[" + i + "]";
      DemandInvoice inv = invoices.get(i);
      if (inv == null) {
        add(problems, at, "invoice.missing", "this invoice line is empty");
        continue;
      }
      if (blank(inv.number())) {
        add(problems, at + ".number", "invoice.number.missing", "enter the invoice number");
      } else if (!numbers.add(inv.number().strip())) {
        add(problems, at + ".number", "invoice.number.duplicate", "invoice " + inv.number() + " is listed twice");
      } else if (lookups != null) {
        alreadyClaimed(demand.tenantId(), inv.number().strip(), at + ".number", lookups, problems);
      }
      dates(inv, today, at, problems);
      Currency currency = currency(inv.currency(), at, problems);
      if (currency != null) {
        if (first == null) {
          first = currency;
        } else if (!first.equals(currency)) {
          add(problems, at + ".currency", "invoice.currency.mixed", "all invoices of a demand must be in one currency ("
              + first.getCurrencyCode() + "), this one is in " + currency.getCurrencyCode());
        }
      }
      amount(inv.amount(), currency, at, problems);
      if (inv.copy() != null) {
        FileInspector.Verdict v = FileInspector.inspect(inv.copy(), maxCopyBytes, Set.of(FileType.PDF));
        if (!v.accepted()) {
          add(problems, at + ".copy", v.code(), v.message());
        }
      }
    }
  }

  private static void alreadyClaimed(String tenantId, String number, String field, Lookups lookups,
      List<DemandProblem> problems) {
    List<String> cases = lookups.openCasesWith(tenantId, number);
    if (!cases.isEmpty()) {
      add(problems, field, "invoice.open_case", "invoice " + number + " is already being recovered in case "
          + String.join(", ", cases));
    }
    List<String> demands = lookups.pendingDemandsWith(tenantId, number);
    if (!demands.isEmpty()) {
      add(problems, field, "invoice.pending_demand", "invoice " + number + " is already in demand "
          + String.join(", ", demands) + ", waiting for a manager");
    }
  }

  private static void dates(DemandInvoice inv, LocalDate today, String at, List<DemandProblem> problems) {
    if (inv.issueDate() == null) {
      add(problems, at + ".issueDate", "invoice.issue_date.missing", "enter the invoice date");
    } else if (inv.issueDate().isAfter(today)) {
      add(problems, at + ".issueDate", "invoice.issue_date.future", "the invoice date " + inv.issueDate() + " is in the future");
    }
    if (inv.dueDate() == null) {
      add(problems, at + ".dueDate", "invoice.due_date.missing", "enter the due date");
      return;
    }
    if (inv.issueDate() != null && inv.dueDate().isBefore(inv.issueDate())) {
      add(problems, at + ".dueDate", "invoice.due_date.before_issue", "the due date " + inv.dueDate()
          + " is before the invoice date " + inv.issueDate());
    }
    if (!inv.dueDate().isBefore(today)) {
      add(problems, at + ".dueDate", "invoice.not_due", "the due date " + inv.dueDate() + " has not passed yet: "
          + "the invoice can be recovered from " + inv.dueDate().plusDays(1));
    }
  }

  private static Currency currency(String code, String at, List<DemandProblem> problems) {
    if (blank(code)) {
      add(problems, at + ".currency", "invoice.currency.missing", "enter the currency (e.g. EUR)");
      return null;
    }
    String upper = code.strip().toUpperCase(Locale.ROOT);
    Currency found = Currency.getAvailableCurrencies().stream()
        .filter(c -> c.getCurrencyCode().equals(upper) && c.getDefaultFractionDigits() >= 0).findFirst().orElse(null);
    if (found == null) {
      add(problems, at + ".currency", "invoice.currency.unknown", "'" + code + "' is not an ISO 4217 currency code");
    }
    return found;
  }

  private static void amount(BigDecimal amount, Currency currency, String at, List<DemandProblem> problems) {
    if (amount == null) {
      add(problems, at + ".amount", "invoice.amount.missing", "enter the unpaid amount");
    } else if (amount.signum() <= 0) {
      add(problems, at + ".amount", "invoice.amount.not_positive", "the amount must be more than 0");
    } else if (currency != null && !Money.fitsMinorUnits(amount, currency)) {
      add(problems, at + ".amount", "invoice.amount.decimals", "an amount in " + currency.getCurrencyCode()
          + " has at most " + currency.getDefaultFractionDigits() + " decimals, this one has " + amount.stripTrailingZeros().scale());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void add(List<DemandProblem> problems, String field, String code, String message) {
    problems.add(new DemandProblem(field, code, message));
  }
}
