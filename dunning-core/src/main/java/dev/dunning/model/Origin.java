package dev.dunning.model;

import dev.dunning.internal.Codes;

/**
 * How a recovery case came to be opened.
 *
 * @since 0.1
 */
public enum Origin {
  /** A collection manager opened it. */
  MANAGER("manager"),
  /** A colleague filed a demand that was approved. */
  DEMAND("demand"),
  /** The host application opened it automatically, e.g. for every invoice past due. */
  AUTOMATIC("automatic");

  private final String code;

  Origin(String code) {
    this.code = code;
  }

  /** The stable code stored by case stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static Origin fromCode(String code) {
    return Codes.find(values(), code, Origin::code, "origin");
  }
}
