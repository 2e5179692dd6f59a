package dev.dunning.model;

/**
 * Whether a debtor is a business or a consumer: it decides which fees, interest and wording the law allows.
 *
 * @since 0.1
 */
public enum DebtorKind {
  /** A company, sole trader or public body. */
  B2B,
  /** A private person. */
  B2C
}
