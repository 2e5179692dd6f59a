package dev.dunning.examples.demo.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matching and building the pages' paths; Jetty hands handlers the path already decoded. */
final class Paths {
  private static final Pattern PORTAL = Pattern.compile("(/p/[^/]*/)[^/]+(.*)", Pattern.DOTALL);

  private Paths() {}

  /** {@code id} as one path segment. */
  static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whether {@code path} is the debtor's portal ({@code /p/TENANT/TOKEN…}), which must look and speak public. */
  static boolean isPortal(String path) {
    return path.startsWith("/p/");
  }

  /** {@code path} fit for a log: a portal path's token, a secret, is replaced by {@code {token}}. */
  static String loggable(String path) {
    Matcher m = PORTAL.matcher(path);
    return m.matches() ? m.group(1) + "{token}" + m.group(2) : path;
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
