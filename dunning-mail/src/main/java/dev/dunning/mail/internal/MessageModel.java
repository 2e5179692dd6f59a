package dev.dunning.mail.internal;

import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Creditor;
import dev.dunning.model.Debtor;
import dev.dunning.model.PostalAddress;
import dev.dunning.model.RecoveryCase;
import dev.dunning.playbook.Delivery;
import dev.dunning.spi.OutboundMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values templates see, as a flat map of strings (formatted for the message's locale), a few
 * booleans and the {@code claims} list. Absent values are empty strings, which the compilers treat
 * as false, so {@code {{#portalLink}}…{{/portalLink}}} prints only when there is a link.
 *
 * <p>{@link #TOP_LEVEL} and {@link #CLAIM} are the only names templates may use: the catalogue
 * rejects any other when the engine is built, so a typo never reaches a debtor.
 */
public final class MessageModel {
  /** Names available everywhere in a template. */
  public static final Set<String> TOP_LEVEL = Set.of(
      "caseId", "stageId", "debtorName", "creditorName", "senderName", "creditorPhone", "creditorEmail",
      "creditorWebsite", "creditorAddress", "iban", "bic", "paymentReference", "invoiceNumbers", "claims",
      "principal", "fees", "hasFees", "paid", "hasPaid", "amountDue", "deadline", "today", "portalLink",
      "registeredLetter");
  /** Names available inside {@code {{#claims}}…{{/claims}}}. */
  public static final Set<String> CLAIM = Set.of(
      "invoiceNumber", "issueDate", "dueDate", "amount", "openBalance", "paymentReference");
  /** Sections that iterate over a list, with the names their items add. */
  public static final Map<String, Set<String>> LISTS = Map.of("claims", CLAIM);

  private MessageModel() {}

  /** The values for {@code message}, dates and money formatted for its locale, "today" read from {@code clock}. */
  public static Map<String, Object> of(OutboundMessage message, Clock clock) {
    return of(message, clock, new Formats(message.locale()));
  }

  /** As {@link #of(OutboundMessage, Clock)}, with formats from a cache. */
  public static Map<String, Object> of(OutboundMessage message, Clock clock, Formats f) {
    RecoveryCase c = message.recoveryCase();
    Creditor creditor = message.creditor();
    Debtor debtor = c.debtor();
    Map<String, Object> m = new HashMap<>(48);
    m.put("caseId", c.id());
    m.put("stageId", message.stage().id());
    m.put("debtorName", debtor.name());
    m.put("creditorName", creditor.name());
    m.put("senderName", creditor.letterhead().senderName());
    m.put("creditorPhone", creditor.contactPhone());
    m.put("creditorEmail", creditor.contactEmail());
    m.put("creditorWebsite", creditor.letterhead().website());
    m.put("creditorAddress", oneLine(creditor.address()));
    m.put("iban", creditor.iban());
    m.put("bic", creditor.bic());
    m.put("paymentReference", paymentReference(c));
    m.put("invoiceNumbers", c.claims().stream().map(Claim::invoiceNumber).collect(Collectors.joining(", ")));
    List<Map<String, Object>> claims = new ArrayList<>(c.claims().size());
    for (Claim claim : c.claims()) {
      Map<String, Object> item = new LinkedHashMap<>(8);
      item.put("invoiceNumber", claim.invoiceNumber());
      item.put("issueDate", f.date(claim.issueDate()));
      item.put("dueDate", f.date(claim.dueDate()));
      item.put("amount", f.money(claim.amount()));
      item.put("openBalance", f.money(claim.openBalance()));
      item.put("paymentReference", claim.paymentReference());
      claims.add(item);
    }
    m.put("claims", claims);
    m.put("principal", f.money(c.principal()));
    m.put("fees", f.money(c.fees()));
    m.put("hasFees", c.fees().isPositive());
    m.put("paid", f.money(c.paid()));
    m.put("hasPaid", c.paid().isPositive());
    m.put("amountDue", f.money(message.message().amountDue()));
    LocalDate deadline = message.message().deadline() != null ? message.message().deadline() : c.deadline();
    m.put("deadline", f.date(deadline));
    m.put("today", f.date(LocalDate.ofInstant(clock.instant(), debtor.timeZone())));
    m.put("portalLink", message.portalLink() == null ? "" : message.portalLink().toString());
    m.put("registeredLetter", registeredLetter(message));
    return m;
  }

  /**
   * Whether this attempt of the stage also goes out by registered letter, so an e-mail may say so:
   * the engine's own router routed it there ({@link OutboundMessage#stageChannels()}), whatever a
   * host's router does. (On {@link Delivery#FIRST_REACHABLE} a registered letter after the e-mail
   * is only a fallback, and not among the stage channels.)
   */
  static boolean registeredLetter(OutboundMessage message) {
    return message.stageChannels().contains(ChannelType.REGISTERED_LETTER);
  }

  /** The names of the values of {@code model} with a line break, e.g. {@code invoiceNumbers, claims[0].invoiceNumber}. */
  public static List<String> withLineBreaks(Map<String, Object> model) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(model).entrySet()) {
      if (e.getValue() instanceof String value && HeaderGuard.hasLineBreak(value)) {
        names.add(e.getKey());
      } else if (e.getValue() instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof Map<?, ?> item) {
            for (Map.Entry<?, ?> field : item.entrySet()) {
              if (field.getValue() instanceof String value && HeaderGuard.hasLineBreak(value)) {
                names.add(e.getKey() + "[" + i + "]." + field.getKey());
              }
            }
          }
        }
      }
    }
    return names;
  }

  /** Who signs: the letterhead's sender, else the creditor. */
  public static String senderName(Creditor creditor) {
    String sender = creditor.letterhead().senderName();
    return sender.isBlank() ? creditor.name() : sender;
  }

  /** The first payment reference of the claims, else the case id, so a payment can always be matched. */
  public static String paymentReference(RecoveryCase c) {
    for (Claim claim : c.claims()) {
      if (!claim.paymentReference().isBlank()) {
        return claim.paymentReference();
      }
    }
    return c.id();
  }

  /** {@code Rue de la Loi 16, 1000 Bruxelles, BE}. */
  public static String oneLine(PostalAddress address) {
    if (address == null) {
      return "";
    }
    List<String> parts = new ArrayList<>(address.lines());
    String city = (address.postcode() + " " + address.city()).strip();
    if (!city.isEmpty()) {
      parts.add(city);
    }
    if (!address.region().isBlank()) {
      parts.add(address.region());
    }
    if (!address.countryCode().isBlank()) {
      parts.add(address.countryCode());
    }
    return String.join(", ", parts);
  }
}
