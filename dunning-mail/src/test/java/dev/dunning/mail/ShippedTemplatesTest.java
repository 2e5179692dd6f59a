package dev.dunning.mail;

import static dev.dunning.mail.MailFixtures.claim;
import static dev.dunning.mail.MailFixtures.debtor;
import static dev.dunning.mail.MailFixtures.message;
import static dev.dunning.mail.MailFixtures.pdfText;
import static dev.dunning.mail.MailFixtures.recoveryCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.mail.internal.EmailComposer;
import dev.dunning.mail.internal.TemplateCatalog;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Money;
import dev.dunning.model.RecoveryCase;
import dev.dunning.policy.TemplateResolver;
import dev.dunning.spi.OutboundMessage;
import dev.dunning.testing.MutableClock;
import jakarta.mail.Session;
import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped e-mail and letter, in every language it is shipped in, states what the issue asks
 * of a dunning message: invoice number and issue date, amount due with the fees, the deadline, the
 * creditor's phone, the portal link and the payment reference, each formatted as the JDK formats
 * it for the debtor's locale; formal notices also state the consequences of not paying.
 */
class ShippedTemplatesTest {
  private static final Templates TEMPLATES = Templates.defaults();
  /** The country each shipped language is tested with; the base templates are English. */
  private static final Map<String, Locale> LOCALES = Map.of("", Locale.forLanguageTag("en-GB"),
      "fr", Locale.forLanguageTag("fr-BE"), "nl", Locale.forLanguageTag("nl-BE"), "de", Locale.GERMANY,
      "bg", Locale.forLanguageTag("bg-BG"));
  /** How each language heads the consequences of a formal notice. */
  private static final Map<String, String> CONSEQUENCES = Map.of("", "Legal consequences", "fr", "Conséquences",
      "nl", "Gevolgen", "de", "Rechtliche Folgen");
  private static final String INVOICE = "F-2026-0042";
  private static final String PORTAL = "https://portal.acme.test/p/s3cr3t";
  private static final String REFERENCE = "+++090/9337/55493+++";

  private final MutableClock clock = MutableClock.at(MailFixtures.START);

  /** Every shipped template set as (folder, template id such as reminder1_fr). */
  static Stream<Arguments> shipped() {
    TreeSet<String> sets = new TreeSet<>();
    for (String path : TEMPLATES.paths()) {
      if (path.startsWith("email/")) {
        sets.add("email/" + path.substring("email/".length(), path.indexOf('.')));
      } else if (path.startsWith("letter/")) {
        sets.add(path);
      }
    }
    assertThat(sets).hasSizeGreaterThanOrEqualTo(28);
    List<Arguments> all = new ArrayList<>();
    for (String set : sets) {
      all.add(Arguments.of(set.substring(0, set.indexOf('/')), set.substring(set.indexOf('/') + 1)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("shipped")
  void the_template_states_everything_a_debtor_needs(String folder, String id) {
    String key = id.replaceFirst("_[a-z]{2}$", "");
    String language = id.equals(key) ? "" : id.substring(key.length() + 1);
    Locale locale = LOCALES.get(language);
    boolean notice = key.equals("formal_notice");
    ChannelType channel = folder.equals("email") ? ChannelType.EMAIL
        : notice ? ChannelType.REGISTERED_LETTER : ChannelType.LETTER;
    OutboundMessage m = sample(key, locale, channel);
    String part = folder.equals("email") ? "txt" : "";
    assertThat(TEMPLATES.catalog().resolve(folder, part, TemplateResolver.localeFallback().candidates(key, channel, locale)))
        .as("the template a debtor in %s gets", locale).contains(TemplateCatalog.path(folder, id, part));

    List<String> texts = new ArrayList<>();
    if (folder.equals("email")) {
      EmailComposer.Parts parts = new EmailComposer(TEMPLATES.catalog(), Session.getInstance(new Properties()), clock,
          null, Map.of(), "").render(m);
      assertThat(parts.subject()).contains(INVOICE);
      texts.add(parts.text());
      texts.add(parts.html());
    } else {
      // the claims table (with the issue date) and the fee rows are printed from the directives
      texts.add(pdfText(PdfLetterRenderer.builder().clock(clock).build().render(m).content()).replaceAll("\\s*\\R\\s*", " "));
    }
    for (String text : texts) {
      assertThat(text).contains(INVOICE, date(MailFixtures.ISSUED, locale), money("1274.56", locale),
          money("40.00", locale), date(MailFixtures.DEADLINE, locale), "+32 2 555 01 01", PORTAL, REFERENCE);
      if (notice) {
        assertThat(text).contains(CONSEQUENCES.get(language));
      }
    }
  }

  /** A case of one 1,234.56 € invoice with 40 € of fees, at the stage {@code key} on {@code channel}. */
  private static OutboundMessage sample(String key, Locale locale, ChannelType channel) {
    RecoveryCase c = recoveryCase(debtor("Alex Sample", locale).build(), key, List.of(claim(INVOICE, "1234.56", "EUR")))
        .toBuilder().fees(Money.of("40.00", "EUR")).build();
    return message(c, key, channel, URI.create(PORTAL), List.of());
  }

  /** As the JDK formats an amount in euros for {@code locale}. */
  private static String money(String amount, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance("EUR"));
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(new BigDecimal(amount));
  }

  private static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }
}
