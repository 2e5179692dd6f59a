package dev.dunning.intake;

import dev.dunning.model.DebtorKind;
import dev.dunning.model.LegalId;
import dev.dunning.model.PostalAddress;
import java.time.ZoneId;

/**
 * The debtor as a colleague describes them in a demand. Any field may be missing or wrong:
 * {@link IntakeService#validate} says which.
 *
 * @param name the company or person
 * @param kind business or consumer; a business needs a legal identifier
 * @param legalId the identifier, with its scheme: {@code FR_SIREN}, {@code FR_SIRET},
 *     {@code BE_ENTERPRISE} or {@code VAT} (see {@link LegalIdSchemes}); {@code null} for a consumer
 * @param address the postal address (street, postcode, city, ISO country code)
 * @param email an e-mail address, or {@code null}
 * @param phone a phone number, or {@code null}
 * @param language the language messages are written in, as a BCP 47 tag ({@code fr-BE}, {@code nl})
 * @param timeZone the debtor's zone, or {@code null} for the intake's default zone
 * @param iban the account the debtor pays from (helps match their payments), or {@code null}
 * @since 0.1
 */
public record DemandDebtor(String name, DebtorKind kind, LegalId legalId, PostalAddress address, String email,
    String phone, String language, ZoneId timeZone, String iban) {

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link DemandDebtor}; nothing is checked here, everything in {@link IntakeService#validate}. */
  public static final class Builder {
    private final String name;
    private DebtorKind kind = DebtorKind.B2B;
    private LegalId legalId;
    private PostalAddress address;
    private String email;
    private String phone;
    private String language;
    private ZoneId timeZone;
    private String iban;

    private Builder(String name) {
      this.name = name;
    }

    public Builder kind(DebtorKind kind) {
      this.kind = kind;
      return this;
    }

    /** Sets the identifier; an empty value means none (as an empty form field), a missing scheme is reported. */
    public Builder legalId(String scheme, String value) {
      this.legalId = value == null || value.isBlank() ? null : new LegalId(scheme == null ? "" : scheme, value);
      return this;
    }

    public Builder address(PostalAddress address) {
      this.address = address;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    public Builder language(String languageTag) {
      this.language = languageTag;
      return this;
    }

    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    public Builder iban(String iban) {
      this.iban = iban;
      return this;
    }

    public DemandDebtor build() {
      return new DemandDebtor(name, kind, legalId, address, email, phone, language, timeZone, iban);
    }
  }
}
