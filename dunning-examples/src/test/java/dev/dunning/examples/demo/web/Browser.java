package dev.dunning.examples.demo.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the binary and the driver given explicitly so
 * nothing is ever downloaded, and a fresh profile per browser. Close it at the end.
 */
public final class Browser implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  public final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() {
    try {
      Path profile = Files.createTempDirectory("dunning-chromium");
      ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
          "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1600");
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public String text(String css) {
    return find(css).getText();
  }

  /** Types into the input named {@code name}, replacing what it held. */
  public void type(String name, String value) {
    WebElement input = driver.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  /**
   * Sets a date input: typing into one depends on the browser's locale, so the value is set the
   * way the date picker itself would set it.
   */
  public void date(String name, Object isoDate) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
        driver.findElement(By.name(name)), isoDate.toString());
  }

  public void click(String css) {
    find(css).click();
  }

  /**
   * Clicks what submits a form or follows a link, and waits until the next page has loaded: a click
   * returns as soon as the browser has it, and a slow answer (a tick rendering letters) could
   * otherwise still replace whatever the test opens next.
   */
  public void clickAndWait(WebElement target) {
    WebElement page = find("html");
    target.click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    wait.until(d -> isGone(page));
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether the old page's root element is gone. Chromium reports a replaced node either as stale or,
   * when the check races the navigation, as "Node with given id does not belong to the document":
   * both mean the same here ({@code ExpectedConditions.stalenessOf} only accepts the first).
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  public void clickAndWait(String css) {
    clickAndWait(find(css));
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is harmless
    }
  }
}
