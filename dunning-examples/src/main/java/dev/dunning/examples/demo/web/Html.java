package dev.dunning.examples.demo.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' tiny HTML toolkit: escaping (every value that reaches a page goes through
 * {@link #esc}), the shared layout, and the few snippets every form repeats. Pages are strings
 * built server-side; there is no script anywhere.
 */
public final class Html {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

  private Html() {}

  /** {@code value} safe as element text and as a quoted attribute value; {@code null} becomes empty. */
  public static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Plain text with its http(s) addresses made into links; everything escaped. */
  public static String linkify(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = URL.matcher(text == null ? "" : text);
    int last = 0;
    while (m.find()) {
      out.append(esc(text.substring(last, m.start())));
      out.append("<a href=\"").append(esc(m.group())).append("\">").append(esc(m.group())).append("</a>");
      last = m.end();
    }
    out.append(esc(text == null ? "" : text.substring(last)));
    return out.toString();
  }

  /** A whole page: the layout with its navigation, then {@code body} (already HTML). */
  public static String page(String title, String body) {
    return document(title + " · Dunning demo", "", """
        <header><a class="brand" href="/">Dunning demo</a>
        <nav><a href="/desk">Collection desk</a><a href="/demand">File a demand</a><a href="/mailbox">Mailbox</a></nav>
        </header>
        """, title, body);
  }

  /** A page for the debtor: no navigation to the intranet pages. */
  public static String publicPage(String title, String body) {
    return document(title, " class=\"portal\"", "", title, body);
  }

  /** The layout both kinds of page share; {@code bodyAttributes} and {@code header} are already HTML. */
  private static String document(String windowTitle, String bodyAttributes, String header, String heading,
      String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <link rel="stylesheet" href="/static/demo.css">
        </head>
        <body%s>
        %s<main>
        <h1>%s</h1>
        %s
        </main>
        </body>
        </html>
        """.formatted(esc(windowTitle), bodyAttributes, header, esc(heading), body);
  }

  /** The hidden field every POST form carries. */
  public static String csrf(String token) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
  }

  /** A labelled input whose value is kept and whose error, if any, stands next to it. */
  public static String input(String label, String name, String type, Map<String, String> values,
      Map<String, String> errors) {
    String error = errors.get(name);
    return "<label" + (error == null ? "" : " class=\"invalid\"") + "><span>" + esc(label) + "</span>"
        + "<input type=\"" + esc(type) + "\" name=\"" + esc(name) + "\" value=\"" + esc(values.get(name)) + "\""
        + (error == null ? "" : " aria-invalid=\"true\"") + ">" + fieldError(name, error) + "</label>\n";
  }

  /** A labelled select; {@code options} maps values to labels. */
  public static String select(String label, String name, Map<String, String> options, Map<String, String> values,
      Map<String, String> errors) {
    String error = errors.get(name);
    StringBuilder out = new StringBuilder("<label" + (error == null ? "" : " class=\"invalid\"") + "><span>"
        + esc(label) + "</span><select name=\"" + esc(name) + "\">");
    options.forEach((value, text) -> out.append("<option value=\"").append(esc(value)).append('"')
        .append(value.equals(values.get(name)) ? " selected" : "").append('>').append(esc(text)).append("</option>"));
    return out.append("</select>").append(fieldError(name, error)).append("</label>\n").toString();
  }

  /** The error text of a field, with an id tests and screen readers can find. */
  public static String fieldError(String name, String error) {
    return error == null ? "" : "<span class=\"error\" id=\"error-" + esc(name) + "\">" + esc(error) + "</span>";
  }

  /** A one-button form posting to {@code action}. */
  public static String button(String action, String label, String csrfToken) {
    return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"inline\">" + csrf(csrfToken)
        + "<button type=\"submit\">" + esc(label) + "</button></form>";
  }

  /** A one-button form posting to {@code action}, its button found by {@code id}. */
  public static String button(String action, String id, String label, String csrfToken) {
    return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"inline\">" + csrf(csrfToken)
        + "<button type=\"submit\" id=\"" + esc(id) + "\">" + esc(label) + "</button></form>";
  }

  /** A notice box, e.g. after an action succeeded. */
  public static String notice(String text) {
    return text == null || text.isBlank() ? "" : "<p class=\"notice\" id=\"notice\">" + esc(text) + "</p>";
  }
}
