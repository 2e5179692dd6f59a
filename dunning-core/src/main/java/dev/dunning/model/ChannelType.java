package dev.dunning.model;

import dev.dunning.internal.Codes;

/**
 * A way of reaching a debtor (or, for the last stages, a court or an agency). A playbook stage lists
 * the channel types it may use; the host registers one {@code Channel} adapter per type it uses.
 *
 * @since 0.1
 */
public enum ChannelType {
  EMAIL("email"),
  SMS("sms"),
  LETTER("letter"),
  REGISTERED_LETTER("registered_letter"),
  /** A registered e-mail with proof of delivery (e.g. a qualified electronic registered delivery service). */
  REGISTERED_EMAIL("registered_email"),
  /** A task for a person to call the debtor. */
  PHONE_CALL("phone_call"),
  /** An injunction filed with a court, usually through an e-filing service. */
  COURT_FILING("court_filing"),
  /** The file handed to a collection agency, bailiff or lawyer. */
  COLLECTION_AGENCY("collection_agency");

  private final String code;

  ChannelType(String code) {
    this.code = code;
  }

  /** The stable code stored by case stores and used in playbook JSON. */
  public String code() {
    return code;
  }

  public static ChannelType fromCode(String code) {
    return Codes.find(values(), code, ChannelType::code, "channel");
  }

  /** Whether this channel prints a letter (and so needs a rendered document and a postal address). */
  public boolean isPostal() {
    return this == LETTER || this == REGISTERED_LETTER;
  }

  /** Whether {@code debtor} has the contact details this channel needs. */
  public boolean reaches(Debtor debtor) {
    return switch (this) {
      case EMAIL, REGISTERED_EMAIL -> !debtor.emails().isEmpty();
      case SMS, PHONE_CALL -> !debtor.phones().isEmpty();
      case LETTER, REGISTERED_LETTER -> debtor.address() != null && debtor.address().isComplete();
      case COURT_FILING, COLLECTION_AGENCY -> true;
    };
  }
}
