package dev.dunning.model;

import java.util.List;
import java.util.Objects;

/**
 * The tenant: the company that is owed money and in whose name every message is sent.
 *
 * @param id the tenant id cases refer to
 * @param name the legal name, as on the letterhead
 * @param legalIds registration and VAT numbers printed on letters
 * @param address the postal address of the letterhead
 * @param letterhead what the letters and e-mails show beside the name
 * @param contactPhone the number a debtor can call about a case
 * @param contactEmail the address replies go to
 * @param iban the account payments go to, printed in payment instructions (may be empty)
 * @param bic the bank identifier beside the IBAN (may be empty)
 * @since 0.1
 */
public record Creditor(
    String id,
    String name,
    List<LegalId> legalIds,
    PostalAddress address,
    Letterhead letterhead,
    String contactPhone,
    String contactEmail,
    String iban,
    String bic) {

  public Creditor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    legalIds = List.copyOf(Objects.requireNonNullElse(legalIds, List.of()));
    Objects.requireNonNull(address, "address");
    letterhead = Objects.requireNonNullElse(letterhead, Letterhead.NONE);
    contactPhone = Objects.requireNonNullElse(contactPhone, "");
    contactEmail = Objects.requireNonNullElse(contactEmail, "");
    iban = Objects.requireNonNullElse(iban, "");
    bic = Objects.requireNonNullElse(bic, "");
  }

  /**
   * The parts of a letterhead beside the creditor's name and address.
   *
   * @param tagline a line under the name (may be empty)
   * @param website the creditor's web address (may be empty)
   * @param senderName the person or department letters are signed by and e-mails come from
   * @param logoPng a PNG logo for letters, or {@code null}
   * @param accentColor a colour for rules and headings, as {@code #RRGGBB}
   */
  public record Letterhead(String tagline, String website, String senderName, byte[] logoPng, String accentColor) {
    public static final Letterhead NONE = new Letterhead("", "", "", null, "#1F3A5F");

    public Letterhead {
      tagline = Objects.requireNonNullElse(tagline, "");
      website = Objects.requireNonNullElse(website, "");
      senderName = Objects.requireNonNullElse(senderName, "");
      accentColor = Objects.requireNonNullElse(accentColor, "#1F3A5F");
    }
  }
}
