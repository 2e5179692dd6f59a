package dev.dunning.model;

import java.util.Objects;

/**
 * A legal identifier of a company or person: a SIREN/SIRET, a Belgian enterprise number, a VAT
 * number, a company registration number.
 *
 * @param scheme what the value is, e.g. {@code FR_SIRET}, {@code BE_ENTERPRISE}, {@code VAT}
 * @param value the identifier as given, without normalisation
 * @since 0.1
 */
public record LegalId(String scheme, String value) {
  public LegalId {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
  }
}
