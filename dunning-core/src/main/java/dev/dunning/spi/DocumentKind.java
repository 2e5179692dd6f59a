package dev.dunning.spi;

import dev.dunning.internal.Codes;

/**
 * What a stored document is.
 *
 * @since 0.1
 */
public enum DocumentKind {
  /** A letter Dunning rendered (formal notice, printed reminder). */
  LETTER("letter"),
  /** A letter a person uploaded (e.g. a signed formal notice) to be sent instead of the rendered one. */
  SIGNED_LETTER("signed_letter"),
  /** A proof of payment the debtor uploaded. */
  PROOF_OF_PAYMENT("proof_of_payment"),
  /** A document the debtor sent with a dispute. */
  DISPUTE_EVIDENCE("dispute_evidence"),
  /** A copy of an invoice, attached to e-mails. */
  INVOICE_COPY("invoice_copy"),
  OTHER("other");

  private final String code;

  DocumentKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static DocumentKind fromCode(String code) {
    return Codes.find(values(), code, DocumentKind::code, "document kind");
  }
}
