package dev.dunning.examples.demo.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the one stylesheet; the CSP allows styles from here only, never inline. */
final class Stylesheet implements Page {
  static final String PATH = "/static/demo.css";
  private final String css;

  Stylesheet() {
    try (InputStream in = Stylesheet.class.getResourceAsStream("demo.css")) {
      if (in == null) {
        throw new IllegalStateException("demo.css is missing from the class path");
      }
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean handle(Exchange ex) {
    if (!ex.path().equals(PATH) || !ex.isGet()) {
      return false;
    }
    ex.raw("text/css; charset=utf-8", css);
    return true;
  }
}
