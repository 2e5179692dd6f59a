package dev.dunning.model;

import java.util.List;
import java.util.Objects;

/**
 * A postal address, as printed in the window of an envelope.
 *
 * @param lines street and number, then any further lines (building, PO box); at least one line
 * @param postcode the postal code, as the country writes it
 * @param city the city or locality
 * @param region a state or province where the country uses one, else empty
 * @param countryCode the ISO 3166-1 alpha-2 country code, upper case (e.g. {@code BE})
 * @since 0.1
 */
public record PostalAddress(List<String> lines, String postcode, String city, String region, String countryCode) {

  public PostalAddress {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    postcode = Objects.requireNonNullElse(postcode, "");
    city = Objects.requireNonNullElse(city, "");
    region = Objects.requireNonNullElse(region, "");
    countryCode = Objects.requireNonNullElse(countryCode, "");
  }

  /** An address of one street line. */
  public static PostalAddress of(String street, String postcode, String city, String countryCode) {
    return new PostalAddress(List.of(street), postcode, city, "", countryCode);
  }

  /** The first line: street and number. */
  public String street() {
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /** Whether street, postcode, city and country are all filled in. */
  public boolean isComplete() {
    return !street().isBlank() && !postcode.isBlank() && !city.isBlank() && countryCode.length() == 2;
  }
}
