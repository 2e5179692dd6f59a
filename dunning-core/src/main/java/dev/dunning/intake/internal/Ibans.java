package dev.dunning.intake.internal;

import java.util.Map;

/**
 * IBANs (ISO 13616): country, two check digits (mod 97 of the rearranged number must be 1) and
 * the length each country fixes, for every country of the SWIFT IBAN registry (its ISO 13616
 * compliant formats; territories that use another country's IBANs, such as the French overseas
 * departments or the Åland Islands, have no code of their own here). Countries that only appear in
 * unofficial "experimental" lists are refused as unknown: their formats are not fixed.
 */
public final class Ibans {
  /** IBAN length by country code, as published in the SWIFT IBAN registry. */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
      Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
      Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
      Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
      Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
      Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
      Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
      Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
      Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
      Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
      Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
      Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
      Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
      Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
      Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
      Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

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
