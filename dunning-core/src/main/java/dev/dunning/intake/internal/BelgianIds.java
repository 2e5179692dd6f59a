package dev.dunning.intake.internal;

/**
 * The Belgian enterprise number (KBO/BCE): 10 digits starting with 0 or 1, the last two being
 * 97 − (the first eight mod 97). Older documents print 9 digits (never starting with 0); those are read with a leading 0.
 */
public final class BelgianIds {
  private BelgianIds() {}

  public static IdCheck enterpriseNumber(String raw) {
    String s = IdCheck.strip(raw);
    if (s.startsWith("BE")) {
      s = s.substring(2);
    }
    // legacy 9-digit numbers never started with 0; a 9-digit one that does is a 10-digit one missing a digit
    if (s.length() == 9 && IdCheck.allDigits(s) && s.charAt(0) != '0') {
      s = "0" + s;
    }
    if (s.length() != 10 || !IdCheck.allDigits(s) || (s.charAt(0) != '0' && s.charAt(0) != '1')) {
      return IdCheck.fail("be_enterprise.format",
          "a Belgian enterprise number has 10 digits and starts with 0 or 1 (e.g. 0403.091.220)");
    }
    if (!checks(s)) {
      return IdCheck.fail("be_enterprise.checksum",
          "this enterprise number's check digits are wrong: check for a typing error");
    }
    return IdCheck.ok(s);
  }

  /** Whether the last two digits of a 10-digit number are 97 − (first eight mod 97). */
  static boolean checks(String tenDigits) {
    long body = Long.parseLong(tenDigits.substring(0, 8));
    int check = Integer.parseInt(tenDigits.substring(8));
    return 97 - (body % 97) == check;
  }
}
