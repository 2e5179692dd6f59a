package dev.dunning.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dunning.model.ChannelType;
import dev.dunning.model.Claim;
import dev.dunning.model.Debtor;
import dev.dunning.model.DebtorKind;
import dev.dunning.model.LegalId;
import dev.dunning.model.Money;
import dev.dunning.model.PostalAddress;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON columns, written and read field by field rather than by Jackson's reflection on the
 * core records: the stored format stays what is written here whatever the records grow, enums are
 * stored by their stable codes, money as a decimal string with its currency, locales as BCP 47
 * tags and zones as region ids. Every read error names the field.
 */
public final class JsonCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonCodec() {}

  // ------------------------------------------------------------------ debtor

  public static String writeDebtor(Debtor d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", d.id());
    n.put("kind", d.kind().name()); // DebtorKind has no code(); its two names are the stable codes
    n.put("name", d.name());
    ArrayNode legalIds = n.putArray("legalIds");
    for (LegalId id : d.legalIds()) {
      legalIds.addObject().put("scheme", id.scheme()).put("value", id.value());
    }
    if (d.address() != null) {
      PostalAddress a = d.address();
      ObjectNode address = n.putObject("address");
      strings(address.putArray("lines"), a.lines());
      address.put("postcode", a.postcode()).put("city", a.city()).put("region", a.region())
          .put("countryCode", a.countryCode());
    }
    strings(n.putArray("emails"), d.emails());
    strings(n.putArray("phones"), d.phones());
    n.put("locale", d.locale().toLanguageTag());
    n.put("timeZone", d.timeZone().getId());
    n.set("channelPreferences", channelArray(d.channelPreferences()));
    n.put("directDebitMandate", d.directDebitMandate());
    return n.toString();
  }

  public static Debtor readDebtor(String json) {
    JsonNode n = parse(json, "debtor");
    List<LegalId> legalIds = new ArrayList<>();
    for (JsonNode id : array(n, "legalIds", "debtor")) {
      legalIds.add(new LegalId(text(id, "scheme", "debtor.legalIds"), text(id, "value", "debtor.legalIds")));
    }
    PostalAddress address = null;
    JsonNode a = n.get("address");
    if (a != null && !a.isNull()) {
      address = new PostalAddress(strings(a, "lines", "debtor.address"), text(a, "postcode", "debtor.address"),
          text(a, "city", "debtor.address"), text(a, "region", "debtor.address"),
          text(a, "countryCode", "debtor.address"));
    }
    String kind = text(n, "kind", "debtor");
    DebtorKind debtorKind;
    try {
      debtorKind = DebtorKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("debtor.kind: unknown debtor kind '" + kind + "', expected B2B or B2C");
    }
    String zone = text(n, "timeZone", "debtor");
    ZoneId timeZone;
    try {
      timeZone = ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("debtor.timeZone: unknown time zone '" + zone + "'");
    }
    return new Debtor(text(n, "id", "debtor"), debtorKind, text(n, "name", "debtor"), legalIds, address,
        strings(n, "emails", "debtor"), strings(n, "phones", "debtor"),
        Locale.forLanguageTag(text(n, "locale", "debtor")), timeZone,
        readChannels(array(n, "channelPreferences", "debtor"), "debtor.channelPreferences"),
        bool(n, "directDebitMandate", "debtor"));
  }

  // ------------------------------------------------------------------ claims

  public static String writeClaims(List<Claim> claims) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Claim c : claims) {
      array.addObject()
          .put("invoiceNumber", c.invoiceNumber())
          .put("issueDate", c.issueDate().toString())
          .put("dueDate", c.dueDate().toString())
          .put("amount", c.amount().amount().toPlainString())
          .put("openBalance", c.openBalance().amount().toPlainString())
          .put("currency", c.currency().getCurrencyCode())
          .put("paymentReference", c.paymentReference());
    }
    return array.toString();
  }

  public static List<Claim> readClaims(String json) {
    JsonNode n = parse(json, "claims");
    if (!n.isArray()) {
      throw new IllegalArgumentException("claims: expected a JSON array");
    }
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode c = n.get(i);
      String path = "claims[" + i + "]";
      Currency currency = currency(text(c, "currency", path), path + ".currency");
      claims.add(new Claim(text(c, "invoiceNumber", path), date(c, "issueDate", path), date(c, "dueDate", path),
          new Money(decimal(c, "amount", path), currency), new Money(decimal(c, "openBalance", path), currency),
          text(c, "paymentReference", path)));
    }
    return claims;
  }

  // ------------------------------------------------------------------ small values

  public static String writeChannels(List<ChannelType> channels) {
    // every message stores its fallbacks: built directly, as Jackson would write it, when the
    // codes need no escaping (they are lower-case identifiers)
    StringBuilder json = new StringBuilder(2 + 12 * channels.size()).append('[');
    for (ChannelType c : channels) {
      String code = c.code();
      if (!isPlainCode(code)) {
        return channelArray(channels).toString();
      }
      json.append(json.length() > 1 ? ",\"" : "\"").append(code).append('"');
    }
    return json.append(']').toString();
  }

  private static boolean isPlainCode(String code) {
    for (int i = 0; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (!(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '-')) {
        return false;
      }
    }
    return true;
  }

  public static List<ChannelType> readChannels(String json, String field) {
    JsonNode n = parse(json, field);
    if (!n.isArray()) {
      throw new IllegalArgumentException(field + ": expected a JSON array");
    }
    return readChannels(n, field);
  }

  public static String writeMap(Map<String, String> map) {
    ObjectNode n = MAPPER.createObjectNode();
    map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> n.put(e.getKey(), e.getValue()));
    return n.toString();
  }

  public static Map<String, String> readMap(String json, String field) {
    JsonNode n = parse(json, field);
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  public static Currency currency(String code, String field) {
    try {
      return Currency.getInstance(code);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": unknown currency '" + code + "'");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static ArrayNode channelArray(List<ChannelType> channels) {
    ArrayNode array = MAPPER.createArrayNode();
    channels.forEach(c -> array.add(c.code()));
    return array;
  }

  private static List<ChannelType> readChannels(JsonNode array, String field) {
    List<ChannelType> channels = new ArrayList<>();
    for (JsonNode c : array) {
      try {
        channels.add(ChannelType.fromCode(c.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(field + ": " + e.getMessage());
      }
    }
    return channels;
  }

  static JsonNode parse(String json, String field) {
    if (json == null) {
      throw new IllegalArgumentException(field + ": missing (NULL)");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(field + ": malformed JSON (" + e.getOriginalMessage() + ")");
    }
  }

  static JsonNode field(JsonNode n, String name, String path) {
    JsonNode v = n == null ? null : n.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(path + "." + name + ": missing");
    }
    return v;
  }

  static String text(JsonNode n, String name, String path) {
    return field(n, name, path).asText();
  }

  private static boolean bool(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(path + "." + name + ": expected true or false, was " + v);
    }
    return v.booleanValue();
  }

  static JsonNode array(JsonNode n, String name, String path) {
    JsonNode v = field(n, name, path);
    if (!v.isArray()) {
      throw new IllegalArgumentException(path + "." + name + ": expected a JSON array, was " + v);
    }
    return v;
  }

  static List<String> strings(JsonNode n, String name, String path) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array(n, name, path)) {
      out.add(v.asText());
    }
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  static LocalDate date(JsonNode n, String name, String path) {
    String v = text(n, name, path);
    LocalDate plain = plainIsoDate(v);
    if (plain != null) {
      return plain;
    }
    try {
      return LocalDate.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(path + "." + name + ": not an ISO date: '" + v + "'");
    }
  }

  /**
   * {@code yyyy-MM-dd}, the form {@link LocalDate#toString} writes, read without the formatter
   * machinery (which cost the tick more than the rest of the JSON: every claim has two dates);
   * null for anything else, which {@link LocalDate#parse} then reads or rejects as before.
   */
  static LocalDate plainIsoDate(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 7);
    int day = digits(v, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null; // e.g. February 30: LocalDate.parse says why
    }
  }

  private static int digits(String v, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char ch = v.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  static BigDecimal decimal(JsonNode n, String name, String path) {
    String v = text(n, name, path);
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + "." + name + ": not a decimal amount: '" + v + "'");
    }
  }
}
