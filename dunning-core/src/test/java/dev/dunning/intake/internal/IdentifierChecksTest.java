package dev.dunning.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierChecksTest {

  @ParameterizedTest(name = "SIRET {0} -> {1}")
  @CsvSource({
      "73282932000074, ",
      "732 829 320 00074, ",
      "73282932000075, siret.checksum",
      "35600000049837, ",          // La Poste: digit sum 45, divisible by 5 (fails Luhn)
      "35600000049838, siret.checksum",
      "7328293200007, siret.format",
      "7328293200007A, siret.format"})
  void siret_is_checked_by_luhn_with_la_poste_exception(String input, String code) {
    assertThat(FrenchIds.siret(input).code()).isEqualTo(code);
  }

  @Test
  void la_poste_siret_fails_plain_luhn_so_the_exception_is_really_used() {
    assertThat(FrenchIds.luhn("35600000049837")).isFalse();
  }

  @ParameterizedTest(name = "SIREN {0} -> {1}")
  @CsvSource({"732829320, ", "732829321, siren.checksum", "73282932, siren.format"})
  void siren(String input, String code) {
    assertThat(FrenchIds.siren(input).code()).isEqualTo(code);
  }

  @ParameterizedTest(name = "enterprise number {0} -> {1}")
  @CsvSource({
      "0403.091.220, ",
      "BE 0403 091 220, ",
      "403091220, ",              // printed without the leading 0 on older documents
      "0566.988.258, be_enterprise.checksum",
      "2403.091.220, be_enterprise.format",
      "0403.091.22, be_enterprise.format"})
  void belgian_enterprise_number(String input, String code) {
    assertThat(BelgianIds.enterpriseNumber(input).code()).isEqualTo(code);
  }

  @Test
  void enterprise_number_is_normalised_to_ten_digits() {
    assertThat(BelgianIds.enterpriseNumber("0403.091.220").normalised()).isEqualTo("0403091220");
    assertThat(BelgianIds.enterpriseNumber("403091220").normalised()).isEqualTo("0403091220");
  }

  @ParameterizedTest(name = "IBAN {0} -> {1}")
  @CsvSource({
      "BE71 0961 2345 6769, ",
      "be71.0961.2345.6769, ",
      "BE71 0961 2345 6768, iban.checksum",
      "BE71 0961 2345 676, iban.length",
      "FR14 2004 1010 0505 0001 3M02 606, ",
      "GB29 NWBK 6016 1331 9268 19, ",
      "CH93 0076 2011 6238 5295 7, ",
      "DE89 3704 0044 0532 0130 00, ",
      "NL91 ABNA 0417 1643 00, ",
      "ZZ71 0961 2345 6769, iban.country.unknown",
      "BE71 0961 2345 676!, iban.format"})
  void iban(String input, String code) {
    assertThat(Ibans.check(input).code()).isEqualTo(code);
  }

  @Test
  void iban_is_normalised_and_printed_in_groups_of_four() {
    String normalised = Ibans.check("be71.0961.2345.6769").normalised();
    assertThat(normalised).isEqualTo("BE71096123456769");
    assertThat(Ibans.format(normalised)).isEqualTo("BE71 0961 2345 6769");
  }

  @ParameterizedTest(name = "VAT {0} -> {1}")
  @CsvSource({
      "BE0403091220, ",
      "BE 0403.091.220, ",
      "BE0566988258, vat.checksum",
      "FR44732829320, ",
      "FR 44 732 829 320, ",
      "FR45732829320, vat.checksum",
      "FRA4732829320, ",          // alphanumeric key: format and SIREN only
      "FRA4732829321, vat.checksum",
      "NL004495445B01, ",         // classic mod 11
      "NL000099998B57, ",         // sole-trader number since 2020: mod 97
      "NL123456789B01, vat.checksum",
      "NL004495445, vat.format",
      "DE136695976, ",
      "DE136695978, vat.checksum",
      "LU26375245, ",
      "LU26375246, vat.checksum",
      "ATU12345678, ",            // format only
      "GR123456789, vat.country.unknown",
      "US123456789, vat.country.unknown",
      "DE13669597, vat.format",
      "12345, vat.format"})
  void vat_numbers(String input, String code) {
    assertThat(VatNumbers.check(input).code()).isEqualTo(code);
  }

  @Test
  void every_failure_has_a_message_for_people() {
    assertThat(VatNumbers.check("GR123456789").message()).contains("EL");
    assertThat(Ibans.check("BE71 0961 2345 676").message()).contains("16 characters", "15");
  }
}
