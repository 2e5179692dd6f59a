package dev.dunning.mail.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the HTML part from the text template when no HTML template exists. Works on text that was
 * rendered with HTML escaping, so every value is already escaped and only the structure is added
 * here: blank lines become paragraphs, line breaks {@code <br>}, and web addresses links.
 */
public final class HtmlText {
  // escaped text contains no raw '<', '"' or whitespace inside a URL, so a link cannot break out of href
  private static final Pattern URL = Pattern.compile("https?://[^\\s<\"']+");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

  private HtmlText() {}

  public static String page(String escapedText, String escapedTitle, Locale locale, String accentColor) {
    StringBuilder html = new StringBuilder(escapedText.length() * 2 + 512);
    html.append("<!DOCTYPE html>\n<html lang=\"").append(locale.toLanguageTag()).append("\">\n<head>\n")
        .append("<meta charset=\"UTF-8\">\n<title>").append(escapedTitle).append("</title>\n</head>\n")
        .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;")
        .append("max-width:640px;margin:0 auto;padding:16px;border-top:4px solid ").append(safeColor(accentColor))
        .append("\">\n");
    String text = escapedText.strip();
    if (onlyNewlines(text)) {
      paragraphs(text, html);
    } else {
      regexParagraphs(text, html);
    }
    return html.append("</body>\n</html>\n").toString();
  }

  /** The paragraphs of {@code text}, by the regular expressions: the reference {@link #paragraphs} keeps to. */
  static void regexParagraphs(String text, StringBuilder html) {
    for (String paragraph : PARAGRAPH_BREAK.split(text)) {
      String body = paragraph.strip();
      if (!body.isEmpty()) {
        html.append("<p>").append(LINE_BREAK.matcher(linkify(body)).replaceAll("<br>\n")).append("</p>\n");
      }
    }
  }

  /** Whether '\n' is the only line terminator in {@code text} (what {@code \R} and {@code \s} could match). */
  static boolean onlyNewlines(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /**
   * The paragraphs of {@code text} (stripped, with '\n' its only line terminator) in one pass,
   * exactly as the regular expressions above make them: a paragraph ends where a line break is
   * followed by blanks and another line break; line breaks inside become {@code <br>}, addresses links.
   * The regular expressions cost a third of composing an e-mail; they still serve text with other
   * line terminators, which only a value can bring (templates have LF line ends once loaded).
   */
  static void paragraphs(String text, StringBuilder html) {
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '\n') {
        // a run of blanks from here: a paragraph break if it holds another line break; it ends at the last one
        int lastBreak = -1;
        int j = i + 1;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\n')) {
          if (text.charAt(j) == '\n') {
            lastBreak = j;
          }
          j++;
        }
        if (lastBreak > 0) {
          paragraph(text.substring(start, i), html);
          start = lastBreak + 1;
          i = start;
          continue;
        }
      }
      i++;
    }
    paragraph(text.substring(start), html);
  }

  private static void paragraph(String raw, StringBuilder html) {
    String body = raw.strip();
    if (body.isEmpty()) {
      return;
    }
    html.append("<p>");
    int n = body.length();
    for (int i = 0; i < n; ) {
      int end = urlEnd(body, i);
      if (end > i) {
        html.append("<a href=\"").append(body, i, end).append("\">").append(body, i, end).append("</a>");
        i = end;
        continue;
      }
      char c = body.charAt(i);
      if (c == '\n') {
        html.append("<br>\n");
      } else {
        html.append(c);
      }
      i++;
    }
    html.append("</p>\n");
  }

  /** The end of the {@link #URL} match starting at {@code i}, or {@code i} if none starts there. */
  private static int urlEnd(String s, int i) {
    if (s.charAt(i) != 'h' || !s.startsWith("http", i)) {
      return i;
    }
    int j = i + 4;
    if (j < s.length() && s.charAt(j) == 's') {
      j++;
    }
    if (!s.startsWith("://", j)) {
      return i;
    }
    j += 3;
    int k = j;
    while (k < s.length() && !endsUrl(s.charAt(k))) {
      k++;
    }
    return k > j ? k : i;
  }

  private static boolean endsUrl(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '<' || c == '"'
        || c == '\'';
  }

  private static String linkify(String text) {
    Matcher m = URL.matcher(text);
    StringBuilder sb = new StringBuilder(text.length() + 32);
    while (m.find()) {
      m.appendReplacement(sb, "");
      sb.append("<a href=\"").append(m.group()).append("\">").append(m.group()).append("</a>");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The creditor's accent colour if it is a plain {@code #RRGGBB}, else a neutral one: it goes into a style attribute. */
  static String safeColor(String color) {
    return color != null && COLOR.matcher(color).matches() ? color : "#1F3A5F";
  }
}
