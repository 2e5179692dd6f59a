package dev.dunning.intake;

/**
 * The legal-identifier schemes a demand may use, as {@link dev.dunning.model.LegalId#scheme()}
 * values; each is checked by its check digits.
 *
 * @since 0.1
 */
public final class LegalIdSchemes {
  /** A French SIREN: 9 digits, Luhn. */
  public static final String FR_SIREN = "FR_SIREN";
  /** A French SIRET: 14 digits, Luhn (La Poste: digit sum divisible by 5). */
  public static final String FR_SIRET = "FR_SIRET";
  /** A Belgian enterprise number: 10 digits, mod 97. */
  public static final String BE_ENTERPRISE = "BE_ENTERPRISE";
  /** An EU VAT number with its country prefix. */
  public static final String VAT = "VAT";

  private LegalIdSchemes() {}
}
