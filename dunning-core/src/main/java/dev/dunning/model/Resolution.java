package dev.dunning.model;

import dev.dunning.internal.Codes;

/**
 * How a closed case ended.
 *
 * @since 0.1
 */
public enum Resolution {
  /** Paid in full (possibly in several payments). */
  PAID("paid"),
  /** The creditor gave up the remaining balance. */
  WRITTEN_OFF("written_off"),
  /** Opened by mistake, or the claim was withdrawn. */
  CANCELLED("cancelled"),
  /** Handed to a collection agency, bailiff or lawyer, who carries on outside Dunning. */
  HANDED_OVER("handed_over"),
  /** A credit note cancelled the claim (e.g. a dispute upheld). */
  CREDITED("credited");

  private final String code;

  Resolution(String code) {
    this.code = code;
  }

  /** The stable code stored by case stores; never the ordinal. */
  public String code() {
    return code;
  }

  public static Resolution fromCode(String code) {
    return Codes.find(values(), code, Resolution::code, "resolution");
  }
}
