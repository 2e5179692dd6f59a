package dev.dunning.intake.internal;

/**
 * The verdict on one identifier: its normalised form when valid, else a stable code and a message
 * a person can act on.
 *
 * @param normalised the identifier without spaces, dots or dashes, upper case; {@code null} if invalid
 * @param code the stable problem code (e.g. {@code siret.checksum}), {@code null} if valid
 * @param message what is wrong, for people; {@code null} if valid
 */
public record IdCheck(String normalised, String code, String message) {

  public static IdCheck ok(String normalised) {
    return new IdCheck(normalised, null, null);
  }

  public static IdCheck fail(String code, String message) {
    return new IdCheck(null, code, message);
  }

  public boolean valid() {
    return code == null;
  }

  /**
   * Removes the separators people type or copy (spaces, no-break spaces, dots, dashes, slashes)
   * and upper-cases, so "0403.091.220" and "be71 0961 2345 6769" compare as printed on documents.
   */
  public static String strip(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch) && ch != '.' && ch != '-' && ch != '/') {
        sb.append(Character.toUpperCase(ch));
      }
    }
    return sb.toString();
  }

  static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }
}
