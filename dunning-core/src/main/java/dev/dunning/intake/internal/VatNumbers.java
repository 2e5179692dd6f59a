package dev.dunning.intake.internal;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * EU VAT identification numbers: the format of every member state (and XI, Northern Ireland), and
 * the check digits of BE, FR, NL, DE and LU. Numbers of the other states are checked for format
 * only: a wrong digit there is left for VIES to find.
 */
public final class VatNumbers {
  /** The part after the country prefix, per prefix (EL is Greece's VAT prefix, not GR). */
  private static final Map<String, Pattern> FORMATS = Map.ofEntries(
      Map.entry("AT", Pattern.compile("U\\d{8}")),
      Map.entry("BE", Pattern.compile("[01]?\\d{9}")),
      Map.entry("BG", Pattern.compile("\\d{9,10}")),
      Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
      Map.entry("CZ", Pattern.compile("\\d{8,10}")),
      Map.entry("DE", Pattern.compile("[1-9]\\d{8}")),
      Map.entry("DK", Pattern.compile("\\d{8}")),
      Map.entry("EE", Pattern.compile("\\d{9}")),
      Map.entry("EL", Pattern.compile("\\d{9}")),
      Map.entry("ES", Pattern.compile("[0-9A-Z]\\d{7}[0-9A-Z]")),
      Map.entry("FI", Pattern.compile("\\d{8}")),
      Map.entry("FR", Pattern.compile("[0-9A-HJ-NP-Z]{2}\\d{9}")),
      Map.entry("HR", Pattern.compile("\\d{11}")),
      Map.entry("HU", Pattern.compile("\\d{8}")),
      Map.entry("IE", Pattern.compile("\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]")),
      Map.entry("IT", Pattern.compile("\\d{11}")),
      Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
      Map.entry("LU", Pattern.compile("\\d{8}")),
      Map.entry("LV", Pattern.compile("\\d{11}")),
      Map.entry("MT", Pattern.compile("\\d{8}")),
      Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
      Map.entry("PL", Pattern.compile("\\d{10}")),
      Map.entry("PT", Pattern.compile("\\d{9}")),
      Map.entry("RO", Pattern.compile("[1-9]\\d{1,9}")),
      Map.entry("SE", Pattern.compile("\\d{10}01")),
      Map.entry("SI", Pattern.compile("\\d{8}")),
      Map.entry("SK", Pattern.compile("\\d{10}")),
      Map.entry("XI", Pattern.compile("\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}")));

  private VatNumbers() {}

  public static IdCheck check(String raw) {
    String s = IdCheck.strip(raw);
    if (s.length() < 4 || !Character.isLetter(s.charAt(0)) || !Character.isLetter(s.charAt(1))) {
      return IdCheck.fail("vat.format", "a VAT number starts with its country prefix (e.g. BE0403091220, FR40303265045)");
    }
    String country = s.substring(0, 2);
    String body = s.substring(2);
    Pattern format = FORMATS.get(country);
    if (format == null) {
      return IdCheck.fail("vat.country.unknown", "'" + country + "' is not the VAT prefix of an EU member state"
          + (country.equals("GR") ? " (Greece uses EL)" : ""));
    }
    if (!format.matcher(body).matches()) {
      return IdCheck.fail("vat.format", "this is not the format of a " + country + " VAT number");
    }
    boolean checks = switch (country) {
      case "BE" -> BelgianIds.checks(body.length() == 9 ? "0" + body : body);
      case "FR" -> france(body);
      case "NL" -> netherlands(s);
      case "DE" -> germany(body);
      case "LU" -> Long.parseLong(body.substring(0, 6)) % 89 == Long.parseLong(body.substring(6));
      default -> true;
    };
    if (!checks) {
      return IdCheck.fail("vat.checksum", "this " + country + " VAT number's check digits are wrong: check for a typing error");
    }
    if (country.equals("BE") && body.length() == 9) {
      s = "BE0" + body;
    }
    return IdCheck.ok(s);
  }

  /** FR: key = (12 + 3 × (SIREN mod 97)) mod 97 for numeric keys; the SIREN must pass Luhn either way. */
  private static boolean france(String body) {
    String key = body.substring(0, 2);
    String siren = body.substring(2);
    if (!FrenchIds.luhn(siren)) {
      return false;
    }
    if (!IdCheck.allDigits(key)) {
      // alphanumeric keys (issued since the numeric ones ran out) use an unpublished rule
      return true;
    }
    return (12 + 3 * (Long.parseLong(siren) % 97)) % 97 == Integer.parseInt(key);
  }

  /**
   * NL: the classic RSIN mod-11 check, or, for the sole-trader numbers issued since 2020 (which
   * fail it by design), ISO 7064 mod 97 over the whole "NL…B.." string with letters as numbers.
   */
  private static boolean netherlands(String full) {
    String digits = full.substring(2, 11);
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    if (sum % 11 == digits.charAt(8) - '0') {
      return true;
    }
    return Ibans.mod97(full) == 1;
  }

  /** DE: ISO 7064 MOD 11,10 over the first eight digits gives the ninth. */
  private static boolean germany(String body) {
    int product = 10;
    for (int i = 0; i < 8; i++) {
      int sum = (body.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (2 * sum) % 11;
    }
    int check = 11 - product;
    if (check == 10) {
      check = 0;
    }
    return check == body.charAt(8) - '0';
  }
}
