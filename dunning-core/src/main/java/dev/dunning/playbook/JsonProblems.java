package dev.dunning.playbook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import dev.dunning.playbook.PlaybookException.Problem;
import java.util.ArrayList;
import java.util.List;

/** The loader's paths ({@code stages[1].id}): for problems of the JSON text, and to sort problems by them. */
final class JsonProblems {
  private JsonProblems() {}

  /** A problem of the JSON text itself, named by the path it was found at where there is one. */
  static Problem ofSyntax(JsonProcessingException e) {
    var loc = e.getLocation();
    String where = "at line " + (loc == null ? "?" : loc.getLineNr()) + ", column "
        + (loc == null ? "?" : loc.getColumnNr());
    String reason = e.getOriginalMessage();
    if (reason != null && reason.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser parser) {
      String path = pathOf(parser.getParsingContext());
      return new Problem(path, path + " is given twice (" + where + ")");
    }
    if (reason != null && reason.startsWith("Trailing token")) {
      return new Problem("", "unexpected text after the playbook's closing brace " + where);
    }
    return new Problem("", "not valid JSON " + where + ": " + reason);
  }

  /** The loader's path ({@code stages[1].id}) of where a parser is. */
  private static String pathOf(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** Orders paths so stages[2] comes before stages[10]. */
  static int comparePaths(String a, String b) {
    return pad(a).compareTo(pad(b));
  }

  private static String pad(String path) {
    var m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(path);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, "[" + String.format("%06d", Integer.parseInt(m.group(1))) + "]");
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
