package dev.dunning.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The countries of the SWIFT IBAN registry beyond the EU/EEA, Switzerland and the United Kingdom:
 * one IBAN each, with a made-up account number of the registry's length whose check digits are
 * computed here (ISO 7064 MOD 97-10), and the same IBAN one character short.
 */
class IbanRegistryTest {

  /** The check digits of {@code country} + {@code bban}: 98 minus the rearranged number with "00" mod 97. */
  private static String checkDigits(String country, String bban) {
    StringBuilder digits = new StringBuilder();
    for (char ch : (bban + country + "00").toCharArray()) {
      digits.append(Character.digit(ch, 36));
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  @ParameterizedTest(name = "{0}: {1} characters")
  @CsvSource({
      "AE, 23, 3074185296307418529",  // United Arab Emirates
      "AL, 28, 307418529630741852963074",  // Albania
      "AZ, 28, DUNB30741852963074185296",  // Azerbaijan
      "BA, 20, 3074185296307418",  // Bosnia and Herzegovina
      "BH, 22, DUNB30741852963074",  // Bahrain
      "BI, 27, 30741852963074185296307",  // Burundi
      "BR, 29, 3074185296307418529630741",  // Brazil
      "BY, 28, DUNB30741852963074185296",  // Belarus
      "CR, 22, 307418529630741852",  // Costa Rica
      "DJ, 27, 30741852963074185296307",  // Djibouti
      "DO, 28, DUNB30741852963074185296",  // Dominican Republic
      "EG, 29, 3074185296307418529630741",  // Egypt
      "FK, 18, DU307418529630",  // Falkland Islands
      "FO, 18, 30741852963074",  // Faroe Islands
      "GE, 22, TB3074185296307418",  // Georgia
      "GL, 18, 30741852963074",  // Greenland
      "GT, 28, DUNB30741852963074185296",  // Guatemala
      "HN, 28, DUNB30741852963074185296",  // Honduras
      "IL, 23, 3074185296307418529",  // Israel
      "IQ, 23, DUNB307418529630741",  // Iraq
      "JO, 30, DUNB3074185296307418529630",  // Jordan
      "KW, 30, DUNB3074185296307418529630",  // Kuwait
      "KZ, 20, 3074185296307418",  // Kazakhstan
      "LB, 28, 307418529630741852963074",  // Lebanon
      "LC, 32, DUNB307418529630741852963074",  // Saint Lucia
      "LY, 25, 307418529630741852963",  // Libya
      "MD, 24, AG307418529630741852",  // Moldova
      "ME, 22, 307418529630741852",  // Montenegro
      "MK, 19, 307418529630741",  // North Macedonia
      "MN, 20, 3074185296307418",  // Mongolia
      "MR, 27, 30741852963074185296307",  // Mauritania
      "MU, 30, DUNB3074185296307418529630",  // Mauritius
      "NI, 28, DUNB30741852963074185296",  // Nicaragua
      "OM, 23, 3074185296307418529",  // Oman
      "PK, 24, DUNB3074185296307418",  // Pakistan
      "PS, 29, DUNB307418529630741852963",  // Palestine
      "QA, 29, DUNB307418529630741852963",  // Qatar
      "RS, 22, 307418529630741852",  // Serbia
      "RU, 33, 30741852963074185296307418529",  // Russia
      "SA, 24, 30741852963074185296",  // Saudi Arabia
      "SC, 31, DUNB30741852963074185296307",  // Seychelles
      "SD, 18, 30741852963074",  // Sudan
      "SO, 23, 3074185296307418529",  // Somalia
      "ST, 25, 307418529630741852963",  // Sao Tome and Principe
      "SV, 28, DUNB30741852963074185296",  // El Salvador
      "TL, 23, 3074185296307418529",  // Timor-Leste
      "TN, 24, 30741852963074185296",  // Tunisia
      "TR, 26, 3074185296307418529630",  // Turkey
      "UA, 29, 3074185296307418529630741",  // Ukraine
      "VG, 24, DUNB3074185296307418",  // British Virgin Islands
      "XK, 20, 3074185296307418",  // Kosovo
      "YE, 30, DUNB3074185296307418529630"}) // Yemen
  void every_registry_country_is_known_with_its_length(String country, int length, String bban) {
    assertThat(bban.length() + 4).as("the test's own account number fits the length").isEqualTo(length);
    String iban = country + checkDigits(country, bban) + bban;

    IdCheck valid = Ibans.check(Ibans.format(iban));
    assertThat(valid.code()).as(iban).isNull();
    assertThat(valid.normalised()).isEqualTo(iban);

    String shorter = iban.substring(0, iban.length() - 1);
    assertThat(Ibans.check(shorter).code()).isEqualTo("iban.length");
    assertThat(Ibans.check(shorter).message()).contains(length + " characters");
  }
}
