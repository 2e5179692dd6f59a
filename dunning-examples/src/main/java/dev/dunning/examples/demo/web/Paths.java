package dev.dunning.examples.demo.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matching and building the pages' paths; Jetty hands handlers the path already decoded. */
final class Paths {
  private Paths() {}

  /** {@code id} as one path segment. */
  static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The groups of {@code pattern} in {@code path}, or {@code null} if it does not match. */
  static String[] match(Pattern pattern, String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String[] groups = new String[m.groupCount()];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = m.group(i + 1);
    }
    return groups;
  }
}
