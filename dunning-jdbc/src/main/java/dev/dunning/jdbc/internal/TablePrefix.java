package dev.dunning.jdbc.internal;

import java.util.regex.Pattern;

/**
 * Checks a table prefix before it is pasted into SQL: it is the one piece of SQL text a host
 * supplies, so it must be a plain lower-case identifier, never anything that could be quoted.
 */
public final class TablePrefix {
  /** Lower case so the names are the same whether the database folds identifiers up or down. */
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  private TablePrefix() {}

  public static String validate(String prefix) {
    if (prefix == null || !VALID.matcher(prefix).matches()) {
      throw new IllegalArgumentException("tablePrefix must be 1 to 30 characters of a-z, 0-9 and _, starting "
          + "with a letter (e.g. dunning_), but was " + (prefix == null ? "null" : "'" + prefix + "'"));
    }
    return prefix;
  }
}
