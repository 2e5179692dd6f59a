package dev.dunning.playbook;

import dev.dunning.internal.Codes;

/**
 * How a stage's deadline days are counted.
 *
 * @since 0.1
 */
public enum DayCount {
  /** Every day counts. */
  CALENDAR("calendar"),
  /** Only Monday to Friday count; a deadline never falls on a weekend. */
  BUSINESS("business");

  private final String code;

  DayCount(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static DayCount fromCode(String code) {
    return Codes.find(values(), code, DayCount::code, "day count");
  }
}
