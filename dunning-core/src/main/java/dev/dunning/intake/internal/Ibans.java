package dev.dunning.intake.internal;

import java.util.Map;

/**
 * IBANs (ISO 13616): country, two check digits (mod 97 of the rearranged number must be 1) and
 * the length each country fixes, known here for the EU/EEA countries, Switzerland, the United
 * Kingdom and the micro-states inside the SEPA area.
 */
public final class Ibans {
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
      Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
      Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
      Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
      Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
      Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
      Map.entry("SM", 27), Map.entry("VA", 22));

  private Ibans() {}

  public static IdCheck check(String raw) {
    String s = IdCheck.strip(raw);
    if (s.startsWith("IBAN")) {
      s = s.substring(4);
    }
    if (s.length() < 5 || !s.chars().allMatch(ch -> (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
        || !Character.isLetter(s.charAt(0)) || !Character.isLetter(s.charAt(1))
        || !Character.isDigit(s.charAt(2)) || !Character.isDigit(s.charAt(3))) {
      return IdCheck.fail("iban.format", "an IBAN is a country code, two check digits and the account number, "
          + "letters and digits only (e.g. BE71 0961 2345 6769)");
    }
    String country = s.substring(0, 2);
    Integer length = LENGTHS.get(country);
    if (length == null) {
      return IdCheck.fail("iban.country.unknown", "IBANs of country '" + country + "' are not accepted");
    }
    if (s.length() != length) {
      return IdCheck.fail("iban.length", "a " + country + " IBAN has " + length + " characters, this one has " + s.length());
    }
    if (mod97(s.substring(4) + s.substring(0, 4)) != 1) {
      return IdCheck.fail("iban.checksum", "this IBAN's check digits are wrong: check for a typing error");
    }
    return IdCheck.ok(s);
  }

  /** Groups of four, as printed on payment slips: {@code BE71 0961 2345 6769}. */
  public static String format(String normalised) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < normalised.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append(' ');
      }
      sb.append(normalised.charAt(i));
    }
    return sb.toString();
  }

  /** ISO 7064 MOD 97-10 of an alphanumeric string, letters counting as 10 (A) to 35 (Z). */
  static int mod97(String alnum) {
    int remainder = 0;
    for (int i = 0; i < alnum.length(); i++) {
      int value = Character.digit(alnum.charAt(i), 36);
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder;
  }
}
