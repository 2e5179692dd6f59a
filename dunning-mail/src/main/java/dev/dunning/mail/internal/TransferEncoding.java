package dev.dunning.mail.internal;

/**
 * Chooses the Content-Transfer-Encoding of a UTF-8 text part the way Jakarta Mail does
 * ({@code MimeUtility.getEncoding(DataHandler)}: 7bit for pure ASCII in lines of at most 998 bytes,
 * quoted-printable when most bytes are ASCII, base64 otherwise), but from the characters we already
 * hold. Left to itself, {@code saveChanges()} encodes every text part to bytes once just to count
 * them, before encoding it again to send it. The composer sets the header this returns, so Jakarta
 * Mail skips that scan and the message is the same.
 */
public final class TransferEncoding {
  /** RFC 5322 §2.1.1: at most 998 characters per line, without the CRLF. */
  private static final int MAX_LINE = 998;

  private TransferEncoding() {}

  /** {@code 7bit}, {@code quoted-printable} or {@code base64} for {@code text} written as UTF-8. */
  public static String ofUtf8(String text) {
    long ascii = 0;
    long nonAscii = 0;
    int line = 0;
    boolean longLine = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int bytes;
      boolean isAscii;
      if (c < 0x80) {
        bytes = 1;
        // Jakarta Mail counts control characters other than CR, LF and tab, and DEL, as non-ASCII
        isAscii = c != 0x7F && (c >= 0x20 || c == '\r' || c == '\n' || c == '\t');
      } else if (c < 0x800) {
        bytes = 2;
        isAscii = false;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes = 4;
        isAscii = false;
        i++;
      } else if (Character.isSurrogate(c)) {
        // a lone surrogate: the UTF-8 encoder writes '?' for it
        bytes = 1;
        isAscii = true;
      } else {
        bytes = 3;
        isAscii = false;
      }
      if (isAscii) {
        ascii += bytes;
      } else {
        nonAscii += bytes;
      }
      if (c == '\r' || c == '\n') {
        line = 0;
      } else {
        line += bytes;
        if (line > MAX_LINE) {
          longLine = true;
        }
      }
    }
    if (nonAscii == 0) {
      return longLine ? "quoted-printable" : "7bit";
    }
    return ascii > nonAscii ? "quoted-printable" : "base64";
  }
}
