package dev.dunning.examples.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Walk 1, in a real browser: a colleague files a demand, fixes the SIRET the form refused, a
 * manager approves it, the first reminder reaches the mailbox, the debtor follows its link and
 * uploads a PDF, the manager accepts it, and the case is closed as paid.
 */
class DemandToPaidWalkTest extends BrowserWalk {

  @Test
  void a_demand_with_a_corrected_siret_becomes_a_case_the_debtor_settles_with_an_uploaded_proof(@TempDir Path dir)
      throws Exception {
    LocalDate today = demo.today();
    browser.open(demo.url("/demand"));
    browser.type("requester.name", "Marie Curie");
    browser.type("requester.email", "marie.curie@acme.example");
    browser.type("debtor.name", "Boulangerie Petit SARL");
    new org.openqa.selenium.support.ui.Select(browser.find("select[name='debtor.legalId.scheme']"))
        .selectByValue("FR_SIRET");
    browser.type("debtor.legalId", "73282932000075");
    browser.type("debtor.address.street", "5 rue du Bac");
    browser.type("debtor.address.postcode", "75007");
    browser.type("debtor.address.city", "Paris");
    browser.type("debtor.address.countryCode", "FR");
    browser.type("debtor.email", "compta@boulangerie-petit.example");
    new org.openqa.selenium.support.ui.Select(browser.find("select[name='debtor.language']")).selectByValue("fr-FR");
    browser.type("invoices[0].number", "F-2026-0042");
    browser.date("invoices[0].issueDate", today.minusDays(40));
    browser.date("invoices[0].dueDate", today.minusDays(10));
    browser.type("invoices[0].amount", "1234.56");
    browser.clickAndWait("#submit-demand");

    WebElement siretError = browser.driver.findElement(By.id("error-debtor.legalId"));
    assertThat(siretError.getText()).containsIgnoringCase("siret");
    assertThat(browser.find("input[name='requester.name']").getAttribute("value")).isEqualTo("Marie Curie");
    assertThat(browser.find("input[name='invoices[0].dueDate']").getAttribute("value"))
        .isEqualTo(today.minusDays(10).toString());

    browser.type("debtor.legalId", "73282932000074");
    browser.clickAndWait("#submit-demand");
    assertThat(browser.text("#notice")).contains("is waiting for a collection manager");

    browser.open(demo.url("/desk"));
    browser.clickAndWait(browser.driver.findElement(
        By.xpath("//tr[contains(., 'Boulangerie Petit SARL')]//button[contains(., 'Approve')]")));
    String caseTitle = browser.text("h1");
    assertThat(caseTitle).startsWith("Case ");
    String caseId = caseTitle.substring("Case ".length());

    browser.open(demo.url("/desk"));
    browser.clickAndWait("#tick");
    assertThat(browser.text("#notice")).contains("Ticked");

    browser.open(demo.url("/mailbox"));
    browser.clickAndWait(browser.driver.findElement(
        By.xpath("//tr[contains(., 'compta@boulangerie-petit.example')]//a[@class='mail']")));
    assertThat(browser.text("h1")).contains("F-2026-0042");
    browser.clickAndWait("#mail-text a[href*='/p/']");

    assertThat(browser.text("#amount-due")).isEqualTo("1,234.56 EUR");
    Path proof = dir.resolve("virement.pdf");
    Files.write(proof, "%PDF-1.4\n% bank transfer confirmation\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    browser.find("#proof-form input[type='file']").sendKeys(proof.toString());
    browser.clickAndWait("#send-proof");
    assertThat(browser.text("#notice")).contains("proof of payment was received");

    browser.open(demo.url("/desk/cases/" + caseId));
    assertThat(browser.driver.findElements(By.cssSelector("#documents a.document")))
        .anySatisfy(a -> assertThat(a.getText()).startsWith("proof-of-payment-"));
    browser.clickAndWait("#accept-proof");

    assertThat(browser.text("#notice")).contains("Proof accepted");
    assertThat(browser.text("#case-status")).isEqualTo("closed / paid");
    assertThat(demo.app.services().engine().find(caseId).orElseThrow().balance().isZero()).isTrue();
  }
}
