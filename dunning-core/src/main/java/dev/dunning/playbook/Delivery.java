package dev.dunning.playbook;

import dev.dunning.internal.Codes;

/**
 * How a stage uses its list of channels.
 *
 * @since 0.1
 */
public enum Delivery {
  /**
   * One message, on the first channel that reaches the debtor (the cheapest, if the list is ordered
   * by cost); on a permanent failure the next channel of the list is tried.
   */
  FIRST_REACHABLE("first_reachable"),
  /** One message on every listed channel that reaches the debtor (e.g. registered letter and e-mail). */
  ALL("all");

  private final String code;

  Delivery(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Delivery fromCode(String code) {
    return Codes.find(values(), code, Delivery::code, "delivery");
  }
}
