package dev.dunning.examples.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Walk 2, in a real browser: the desk's clock is moved forward ten days at a time until a seeded
 * case has climbed to the formal notice, whose PDF is then among the case's documents (and in the
 * registered-letter folder, and attached to the e-mail in the mailbox); then on until the injunction
 * waits for approval, which the manager gives, and the court filing goes out.
 */
class LadderWalkTest extends BrowserWalk {

  @Test
  void advancing_the_clock_from_the_desk_takes_a_case_up_the_ladder_to_a_formal_notice_pdf_and_an_injunction() throws Exception {
    browser.open(demo.url("/desk"));
    browser.clickAndWait("#tick");
    for (int round = 0; round < 6 && !stage("DEMO-03").equals("formal notice"); round++) {
      advanceTenDaysAndTick();
    }
    assertThat(stage("DEMO-03")).isEqualTo("formal notice");

    List<WebElement> letters = browser.driver.findElements(By.cssSelector("#documents a.document")).stream()
        .filter(a -> a.getText().startsWith("formal_notice")).toList();
    assertThat(letters).hasSize(1);
    HttpResponse<byte[]> pdf = demo.getBytes(letters.get(0).getAttribute("href"));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Müller Handels GmbH", "ACME Services SA");
    }
    try (Stream<Path> files = Files.list(demo.dataDir.resolve("outgoing").resolve("registered"))) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("DEMO-03") && n.endsWith(".pdf"));
    }
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    browser.open(demo.url("/mailbox"));
    browser.clickAndWait(browser.driver.findElement(By.xpath("//tr[contains(., 'accounts@m-ller-handels-gmbh.example')"
        + " and td[@class='num'][not(. = '0')]]//a[@class='mail']")));
    HttpResponse<byte[]> attachment = demo.getBytes(browser.find("#attachments a").getAttribute("href"));
    assertThat(attachment.statusCode()).isEqualTo(200);
    assertThat(new String(attachment.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    for (int round = 0; round < 4 && !status("DEMO-03").contains("awaiting approval"); round++) {
      advanceTenDaysAndTick();
    }
    assertThat(status("DEMO-03")).contains("awaiting approval");
    browser.clickAndWait("#approve-stage");
    assertThat(browser.text("#notice")).contains("Approved");
    browser.open(demo.url("/desk"));
    browser.clickAndWait("#tick");

    assertThat(stage("DEMO-03")).isEqualTo("injunction");
    WebElement filing = browser.driver.findElement(By.xpath("//table[@id='messages']//tr[td[2] = 'court_filing']"));
    assertThat(filing.getText()).contains("injunction", "sent");
  }

  private static void advanceTenDaysAndTick() {
    browser.open(demo.url("/desk"));
    browser.type("days", "10");
    browser.clickAndWait("#advance");
    assertThat(browser.text("#notice")).contains("10 day(s) ahead");
    browser.clickAndWait("#tick");
  }

  private static String status(String caseId) {
    stage(caseId);
    return browser.text("#case-status");
  }

  private static String stage(String caseId) {
    browser.open(demo.url("/desk/cases/" + caseId));
    List<WebElement> stage = browser.driver.findElements(By.id("case-stage"));
    assertThat(stage).as("the case page of %s:%n%s", caseId, browser.driver.getPageSource()).hasSize(1);
    return stage.get(0).getText();
  }
}
