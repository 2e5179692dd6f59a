package dev.dunning.examples.demo.web;

import dev.dunning.examples.demo.DemoServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One demo server and one headless Chromium per walk class, started once and always stopped. */
abstract class BrowserWalk {
  static DemoServerFixture demo;
  static Browser browser;

  @BeforeAll
  static void start() {
    demo = DemoServerFixture.start();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (demo != null) {
      demo.close();
      demo = null;
    }
  }
}
