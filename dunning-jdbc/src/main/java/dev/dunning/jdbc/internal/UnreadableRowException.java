package dev.dunning.jdbc.internal;

/**
 * A stored row the current code cannot read: an unknown enum code, malformed JSON, a missing
 * field. The message names the table, the column and the row, so an operator can fix it.
 */
public final class UnreadableRowException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  UnreadableRowException(String table, String column, String id, RuntimeException cause) {
    super(table + "." + column + " of " + id + " cannot be read: " + cause.getMessage(), cause);
  }
}
