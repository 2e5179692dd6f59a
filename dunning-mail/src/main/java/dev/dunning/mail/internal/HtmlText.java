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

  private HtmlText() {}

  public static String page(String escapedText, String escapedTitle, Locale locale, String accentColor) {
    StringBuilder html = new StringBuilder(escapedText.length() * 2 + 512);
    html.append("<!DOCTYPE html>\n<html lang=\"").append(locale.toLanguageTag()).append("\">\n<head>\n")
        .append("<meta charset=\"UTF-8\">\n<title>").append(escapedTitle).append("</title>\n</head>\n")
        .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;")
        .append("max-width:640px;margin:0 auto;padding:16px;border-top:4px solid ").append(safeColor(accentColor))
        .append("\">\n");
    for (String paragraph : PARAGRAPH_BREAK.split(escapedText.strip())) {
      String body = paragraph.strip();
      if (!body.isEmpty()) {
        html.append("<p>").append(LINE_BREAK.matcher(linkify(body)).replaceAll("<br>\n")).append("</p>\n");
      }
    }
    return html.append("</body>\n</html>\n").toString();
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
    return color != null && color.matches("#[0-9A-Fa-f]{6}") ? color : "#1F3A5F";
  }
}
