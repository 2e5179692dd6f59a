package dev.dunning.intake.internal;

/**
 * French company identifiers: SIREN (9 digits) and SIRET (SIREN + 5-digit establishment number),
 * both protected by the Luhn check digit.
 *
 * <p>La Poste is the one documented exception: its establishments (SIREN 356000000) are too many
 * for the Luhn scheme, so INSEE numbers them with a different rule: the plain digit sum of the
 * SIRET is divisible by 5.
 */
public final class FrenchIds {
  /** La Poste's SIREN, whose SIRETs follow the digit-sum rule instead of Luhn. */
  static final String LA_POSTE_SIREN = "356000000";

  private FrenchIds() {}

  public static IdCheck siren(String raw) {
    String s = IdCheck.strip(raw);
    if (s.length() != 9 || !IdCheck.allDigits(s)) {
      return IdCheck.fail("siren.format", "a SIREN has 9 digits");
    }
    if (!luhn(s)) {
      return IdCheck.fail("siren.checksum", "this SIREN's check digit is wrong: check for a typing error");
    }
    return IdCheck.ok(s);
  }

  public static IdCheck siret(String raw) {
    String s = IdCheck.strip(raw);
    if (s.length() != 14 || !IdCheck.allDigits(s)) {
      return IdCheck.fail("siret.format", "a SIRET has 14 digits (the 9-digit SIREN and a 5-digit establishment number)");
    }
    boolean valid = s.startsWith(LA_POSTE_SIREN) ? digitSum(s) % 5 == 0 : luhn(s);
    if (!valid) {
      return IdCheck.fail("siret.checksum", "this SIRET's check digit is wrong: check for a typing error");
    }
    return IdCheck.ok(s);
  }

  /** The Luhn (mod 10) check over a string of digits, the rightmost digit being the check digit. */
  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static int digitSum(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      sum += digits.charAt(i) - '0';
    }
    return sum;
  }
}
